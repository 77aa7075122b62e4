import type { StatusCounts } from "@/lib/frameworks/summarise-framework";

/**
 * Each snapshot's count of controls per framework, status and attestation (control_status_count)
 * and its statuses of each framework on one line (control_status_line: LINE_STATUS's letters in
 * framework order), recomputed from its stored statuses whenever they are written
 * (saveControlStatuses) or re-judged (restatusSnapshotControls), in the same transaction: the
 * frameworks overview sums the counts, one row per status, and a framework's standing across the
 * fleet counts one line per cluster, instead of grouping every stored status on each request.
 * $1: the snapshot id, or null for every snapshot (for data loaded outside a scan, e.g. by the
 * fleet benchmark).
 */
export const CONTROL_COUNTS_SQL = [
  `DELETE FROM control_status_count WHERE $1::text IS NULL OR "snapshotId" = $1`,
  `INSERT INTO control_status_count ("snapshotId", "frameworkId", status, attested, "clusterId", "takenAt", "frameworkVersion", n)
   SELECT "snapshotId", "frameworkId", status, coalesce(attested, false), min("clusterId"), min("takenAt"), min("frameworkVersion"), count(*)::int
   FROM control_status WHERE $1::text IS NULL OR "snapshotId" = $1
   GROUP BY "snapshotId", "frameworkId", status, coalesce(attested, false)`,
  `DELETE FROM control_status_line WHERE $1::text IS NULL OR "snapshotId" = $1`,
  `INSERT INTO control_status_line ("snapshotId", "frameworkId", controls, statuses)
   SELECT "snapshotId", "frameworkId", array_agg("controlId" ORDER BY position),
          string_agg(CASE status WHEN 'pass' THEN 'p' WHEN 'fail' THEN 'f' WHEN 'not-evaluated' THEN 'n' WHEN 'not-applicable' THEN 'a'
                                 WHEN 'manual' THEN CASE WHEN attested THEN 'M' ELSE 'm' END ELSE '?' END, '' ORDER BY position)
   FROM control_status WHERE $1::text IS NULL OR "snapshotId" = $1
   GROUP BY "snapshotId", "frameworkId"`,
] as const;

/** What each letter of a stored line counts as ('?': a status this code does not know, counted nowhere). */
export const LINE_STATUS = {
  p: ["pass"],
  f: ["fail"],
  n: ["notEvaluated"],
  m: ["manual"],
  M: ["manual", "manualAttested"],
  a: ["notApplicable"],
} as const satisfies Record<string, readonly (keyof StatusCounts)[]>;

/** Rewrites the counts of one snapshot (or of all) through any client with `query(text, values)`. */
export async function writeControlCounts(
  client: { query: (text: string, values: unknown[]) => Promise<unknown> },
  snapshotId: string | null,
): Promise<void> {
  for (const sql of CONTROL_COUNTS_SQL) await client.query(sql, [snapshotId]);
}
