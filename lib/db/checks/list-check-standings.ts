import type { CheckStanding, UnjudgedCheck } from "@/lib/contracts/checks";

import { getPool } from "../pool";

/**
 * Every check's standing across the fleet (or one check's), counted in SQL: a hundred clusters ×
 * ninety checks come back as a row or a few per check, not one row per cluster and check. The
 * same rows as listFailingChecks (open > 0) and each cluster's latest completed scan's unjudged
 * checks, ranked per check, with the first `listed` clusters named (null: every one; 0: none, and
 * then the rows are only counted).
 */
export async function listCheckStandings(listed: number | null, checkId?: string): Promise<Map<string, CheckStanding>> {
  if (listed === 0) return countCheckStandings();
  const pool = getPool();
  const [failing, unjudged] = await Promise.all([
    pool.query<{ checkId: string; clusterId: string; clusterName: string; open: number; count: number; rank: number }>(
      `SELECT "checkId", "clusterId", "clusterName", open, count, rank::int FROM (
         SELECT fc."checkId", c.id AS "clusterId", c.name AS "clusterName", fc.open,
                row_number() OVER (PARTITION BY fc."checkId" ORDER BY fc.resources DESC, c.name) AS rank,
                (count(*) OVER (PARTITION BY fc."checkId"))::int AS count
           FROM failing_check fc JOIN cluster c ON c.id = fc."clusterId"
          WHERE fc.open > 0 AND ($2::text IS NULL OR fc."checkId" = $2)) f
        WHERE rank <= greatest(coalesce($1, rank), 1) ORDER BY "checkId", rank`,
      [listed, checkId ?? null],
    ),
    pool.query<UnjudgedCheck & { notEvaluated: number; count: number; rank: number }>(
      `SELECT "checkId", "clusterId", "clusterName", status, "notEvaluated", count, rank::int FROM (
         SELECT c->>'checkId' AS "checkId", cl.id AS "clusterId", cl.name AS "clusterName", c->>'status' AS status,
                row_number() OVER (PARTITION BY c->>'checkId' ORDER BY cl.name) AS rank,
                (count(*) FILTER (WHERE c->>'status' = 'not-evaluated') OVER (PARTITION BY c->>'checkId'))::int AS "notEvaluated",
                (count(*) OVER (PARTITION BY c->>'checkId'))::int AS count
           FROM cluster cl
           JOIN LATERAL (SELECT checks FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial')
                         ORDER BY s.seq DESC LIMIT 1) latest ON true
           CROSS JOIN LATERAL jsonb_array_elements(latest.checks) c
          WHERE c->>'status' IN ('not-evaluated', 'not-applicable') AND ($2::text IS NULL OR c->>'checkId' = $2)) u
        WHERE rank <= greatest(coalesce($1, rank), 1) ORDER BY "checkId", rank`,
      [listed, checkId ?? null],
    ),
  ]);
  const standings = new Map<string, CheckStanding>();
  // The first row of each check carries its counts even when no cluster is to be named.
  const named = (rank: number) => listed === null || rank <= listed;
  for (const { checkId, count, rank, ...cluster } of failing.rows) {
    const s = standingOf(standings, checkId).failing;
    s.count = count;
    if (named(rank)) s.clusters.push(cluster);
  }
  for (const { checkId, count, notEvaluated, rank, ...cluster } of unjudged.rows) {
    const s = standingOf(standings, checkId).unjudged;
    s.notEvaluated = notEvaluated;
    s.notApplicable = count - notEvaluated;
    if (named(rank)) s.clusters.push(cluster);
  }
  return standings;
}

/** Every check's counts alone (the catalog names no cluster): grouped, with no ranking or sorting by name. */
async function countCheckStandings(): Promise<Map<string, CheckStanding>> {
  const pool = getPool();
  const [failing, unjudged] = await Promise.all([
    pool.query<{ checkId: string; count: number }>(
      `SELECT "checkId", count(*)::int AS count FROM failing_check WHERE open > 0 GROUP BY "checkId"`,
    ),
    pool.query<{ checkId: string; notEvaluated: number; count: number }>(
      `SELECT c->>'checkId' AS "checkId", count(*) FILTER (WHERE c->>'status' = 'not-evaluated')::int AS "notEvaluated",
              count(*)::int AS count
         FROM cluster cl
         JOIN LATERAL (SELECT checks FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial')
                       ORDER BY s.seq DESC LIMIT 1) latest ON true
         CROSS JOIN LATERAL jsonb_array_elements(latest.checks) c
        WHERE c->>'status' IN ('not-evaluated', 'not-applicable')
        GROUP BY 1`,
    ),
  ]);
  const standings = new Map<string, CheckStanding>();
  for (const { checkId, count } of failing.rows) standingOf(standings, checkId).failing.count = count;
  for (const { checkId, count, notEvaluated } of unjudged.rows)
    Object.assign(standingOf(standings, checkId).unjudged, { notEvaluated, notApplicable: count - notEvaluated });
  return standings;
}

function standingOf(standings: Map<string, CheckStanding>, checkId: string): CheckStanding {
  let s = standings.get(checkId);
  if (!s) {
    s = { failing: { count: 0, clusters: [] }, unjudged: { notEvaluated: 0, notApplicable: 0, clusters: [] } };
    standings.set(checkId, s);
  }
  return s;
}
