import { getPool } from "../pool";

/** After a failed scan, the next try waits this long (or the cluster's interval, if shorter). */
export const FAILED_RETRY_MINUTES = 10;

/**
 * Enabled clusters, none running, whose last completed scan started at least their interval
 * ago (or never): a failed scan does not count as the last, so a crash does not cost a whole
 * interval; one whose process died (orphaned, interrupted) is scanned again at the next tick. A
 * cluster whose scans fail is tried again after FAILED_RETRY_MINUTES, not every minute.
 */
export async function listDueClusters(now: Date = new Date()): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT c.id FROM cluster c
     WHERE c.enabled AND NOT EXISTS (SELECT 1 FROM snapshot r WHERE r."clusterId" = c.id AND r.status = 'running')
       AND COALESCE((SELECT MAX(s."startedAt") FROM snapshot s WHERE s."clusterId" = c.id AND s.status IN ('succeeded', 'partial')), 'epoch')
           <= $1::timestamptz - make_interval(mins => c."scheduleMinutes")
       AND COALESCE((SELECT MAX(s."startedAt") FROM snapshot s WHERE s."clusterId" = c.id AND COALESCE(s.error, '') NOT LIKE 'orphaned:%' AND COALESCE(s.error, '') NOT LIKE 'interrupted:%'), 'epoch')
           <= $1::timestamptz - make_interval(mins => LEAST(c."scheduleMinutes", $2))`,
    [now, FAILED_RETRY_MINUTES],
  );
  return rows.map((r) => r.id);
}
