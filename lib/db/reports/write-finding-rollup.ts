import type { PoolClient } from "pg";

/**
 * Records what a completed scan opened and closed, by severity, in the scan's own transaction
 * (called once by completeSnapshot after the lifetimes are merged). Reports sum these rows
 * instead of scanning the findings; the figures are the same rows' counts: opened are the
 * lifetimes first seen by this scan after the cluster's first (firstSeq > 1), resolved those
 * it closed (resolvedAt = the scan's time), with the hours each had been open.
 */
export async function writeFindingRollup(
  client: PoolClient,
  clusterId: string,
  seq: number,
  takenAt: Date,
): Promise<void> {
  await client.query(
    `INSERT INTO finding_rollup ("clusterId", at, severity, opened, resolved, "resolvedHours")
     SELECT $1, $3, severity,
            count(*) FILTER (WHERE "firstSeq" = $2 AND $2 > 1)::int,
            count(*) FILTER (WHERE "resolvedAt" = $3)::int,
            coalesce(sum(extract(epoch FROM "resolvedAt" - "firstSeenAt") / 3600) FILTER (WHERE "resolvedAt" = $3), 0)::float8
     FROM finding
     WHERE "clusterId" = $1 AND (("firstSeq" = $2 AND "firstSeenAt" = $3) OR "resolvedAt" = $3)
     GROUP BY severity
     ON CONFLICT ("clusterId", at, severity) DO UPDATE SET opened = EXCLUDED.opened, resolved = EXCLUDED.resolved, "resolvedHours" = EXCLUDED."resolvedHours"`,
    [clusterId, seq, takenAt],
  );
}
