/**
 * Each snapshot's count of controls per framework, status and attestation (control_status_count),
 * recomputed from its stored statuses whenever they are written (saveControlStatuses) or re-judged
 * (restatusSnapshotControls), in the same transaction: the frameworks overview sums these, one row
 * per status, instead of grouping every stored status on each request. $1: the snapshot id, or
 * null for every snapshot (for data loaded outside a scan, e.g. by the fleet benchmark).
 */
export const CONTROL_COUNTS_SQL = [
  `DELETE FROM control_status_count WHERE $1::text IS NULL OR "snapshotId" = $1`,
  `INSERT INTO control_status_count ("snapshotId", "frameworkId", status, attested, "clusterId", "takenAt", "frameworkVersion", n)
   SELECT "snapshotId", "frameworkId", status, coalesce(attested, false), min("clusterId"), min("takenAt"), min("frameworkVersion"), count(*)::int
   FROM control_status WHERE $1::text IS NULL OR "snapshotId" = $1
   GROUP BY "snapshotId", "frameworkId", status, coalesce(attested, false)`,
] as const;

/** Rewrites the counts of one snapshot (or of all) through any client with `query(text, values)`. */
export async function writeControlCounts(
  client: { query: (text: string, values: unknown[]) => Promise<unknown> },
  snapshotId: string | null,
): Promise<void> {
  for (const sql of CONTROL_COUNTS_SQL) await client.query(sql, [snapshotId]);
}
