import type pg from "pg";

import { ruleCoversFinding } from "../sql-fragments";

/**
 * The checks failing in a cluster now (every cluster when `clusterId` is null), as listFailingChecks
 * reads them: per check, the distinct resources of its open findings, and how many of those open
 * findings no accepted risk in force covers (the rows `/findings?cluster=…&check=…` lists).
 * Written in the scan's completion transaction and again whenever the cluster's latest snapshot is
 * re-scored (an accepted risk approved, changed, revoked or expired), so the counts move with the
 * same events as the scores; with them each check's open findings per severity, under an accepted risk
 * or not (what /api/metrics reports). `snapshotId` is the scan the counts describe (by default the latest completed).
 */
export async function writeFailingChecks(
  client: pg.ClientBase,
  clusterId: string | null,
  opts: { snapshotId?: string; now?: Date } = {},
): Promise<void> {
  // One writer per cluster at a time (the re-score takes the same lock), so a scan and a re-score never interleave.
  if (clusterId) await client.query(`SELECT pg_advisory_xact_lock(hashtext('rescore:' || $1))`, [clusterId]);
  await client.query(`DELETE FROM failing_check WHERE $1::text IS NULL OR "clusterId" = $1`, [clusterId]);
  await client.query(
    `WITH covered AS (
       SELECT DISTINCT f.id FROM suppression s JOIN finding f ON f."lastSeq" IS NULL AND ${ruleCoversFinding("s", "f")}
       WHERE s.status = 'active' AND s."expiresAt" > coalesce($2::timestamptz, now()) AND ($1::text IS NULL OR s."clusterId" = $1))
     INSERT INTO failing_check ("clusterId", "checkId", "snapshotId", resources, open, critical, high, medium, low)
     SELECT f."clusterId", f."checkId",
            coalesce($3::text, (SELECT s.id FROM snapshot s WHERE s."clusterId" = f."clusterId" AND s.status IN ('succeeded', 'partial') ORDER BY s.seq DESC LIMIT 1)),
            count(DISTINCT (f."resourceKind", f.namespace, f."resourceName"))::int, (count(*) - count(covered.id))::int,
            count(*) FILTER (WHERE f.severity = 'critical')::int, count(*) FILTER (WHERE f.severity = 'high')::int,
            count(*) FILTER (WHERE f.severity = 'medium')::int, count(*) FILTER (WHERE f.severity = 'low')::int
     FROM finding f LEFT JOIN covered ON covered.id = f.id
     WHERE f."lastSeq" IS NULL AND ($1::text IS NULL OR f."clusterId" = $1)
     GROUP BY f."clusterId", f."checkId"`,
    [clusterId, opts.now ?? null, opts.snapshotId ?? null],
  );
}
