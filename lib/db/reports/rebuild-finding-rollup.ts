import type pg from "pg";

/**
 * Recomputes every scan's opened and resolved counts from the stored lifetimes (the migration
 * that added finding_rollup ran the same statement once): for data loaded outside a scan,
 * e.g. by the fleet benchmark.
 */
export async function rebuildFindingRollup(client: pg.ClientBase): Promise<void> {
  await client.query("DELETE FROM finding_rollup");
  await client.query(`
    INSERT INTO finding_rollup ("clusterId", at, severity, opened, resolved, "resolvedHours")
    SELECT "clusterId", at, severity, sum(opened)::int, sum(resolved)::int, sum(hours)
    FROM (
      SELECT "clusterId", "firstSeenAt" AS at, severity, count(*) AS opened, 0 AS resolved, 0::float8 AS hours
      FROM finding WHERE "firstSeq" > 1 GROUP BY 1, 2, 3
      UNION ALL
      SELECT "clusterId", "resolvedAt", severity, 0, count(*), sum(extract(epoch FROM "resolvedAt" - "firstSeenAt") / 3600)::float8
      FROM finding WHERE "resolvedAt" IS NOT NULL GROUP BY 1, 2, 3
    ) AS t
    GROUP BY 1, 2, 3`);
}
