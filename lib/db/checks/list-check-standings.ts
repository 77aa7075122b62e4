import type { CheckStanding, UnjudgedCheck } from "@/lib/contracts/checks";

import { getPool } from "../pool";

/**
 * Every check's standing across the fleet for the Checks catalog, counted in SQL: a hundred
 * clusters × ninety checks come back as a few rows per check, not one row per cluster and check.
 * The same rows as listFailingChecks (open > 0) and listUnjudgedChecks, ranked and cut per check.
 */
export async function listCheckStandings(listed: number): Promise<Map<string, CheckStanding>> {
  const pool = getPool();
  const [failing, unjudged] = await Promise.all([
    pool.query<{ checkId: string; clusterId: string; clusterName: string; open: number; count: number }>(
      `SELECT "checkId", "clusterId", "clusterName", open, count FROM (
         SELECT fc."checkId", c.id AS "clusterId", c.name AS "clusterName", fc.open,
                row_number() OVER (PARTITION BY fc."checkId" ORDER BY fc.resources DESC, c.name) AS rank,
                (count(*) OVER (PARTITION BY fc."checkId"))::int AS count
           FROM failing_check fc JOIN cluster c ON c.id = fc."clusterId" WHERE fc.open > 0) f
        WHERE rank <= $1 ORDER BY "checkId", rank`,
      [listed],
    ),
    pool.query<UnjudgedCheck & { notEvaluated: number; count: number }>(
      `SELECT "checkId", "clusterId", "clusterName", status, "notEvaluated", count FROM (
         SELECT c->>'checkId' AS "checkId", cl.id AS "clusterId", cl.name AS "clusterName", c->>'status' AS status,
                row_number() OVER (PARTITION BY c->>'checkId' ORDER BY cl.name) AS rank,
                (count(*) FILTER (WHERE c->>'status' = 'not-evaluated') OVER (PARTITION BY c->>'checkId'))::int AS "notEvaluated",
                (count(*) OVER (PARTITION BY c->>'checkId'))::int AS count
           FROM cluster cl
           JOIN LATERAL (SELECT checks FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial')
                         ORDER BY s.seq DESC LIMIT 1) latest ON true
           CROSS JOIN LATERAL jsonb_array_elements(latest.checks) c
          WHERE c->>'status' IN ('not-evaluated', 'not-applicable')) u
        WHERE rank <= $1 ORDER BY "checkId", rank`,
      [listed],
    ),
  ]);
  const standings = new Map<string, CheckStanding>();
  const of = (checkId: string) =>
    standings.get(checkId) ??
    standings
      .set(checkId, {
        failing: { count: 0, clusters: [] },
        unjudged: { notEvaluated: 0, notApplicable: 0, clusters: [] },
      })
      .get(checkId)!;
  for (const { checkId, count, ...cluster } of failing.rows) {
    const s = of(checkId).failing;
    s.count = count;
    s.clusters.push(cluster);
  }
  for (const { checkId, count, notEvaluated, ...cluster } of unjudged.rows) {
    const s = of(checkId).unjudged;
    s.notEvaluated = notEvaluated;
    s.notApplicable = count - notEvaluated;
    s.clusters.push(cluster);
  }
  return standings;
}
