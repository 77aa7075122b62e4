import { getPool } from "../pool";

/** Marks a running snapshot failed with a reason; previous snapshots and findings stay as they were. */
export async function failSnapshot(snapshotId: string, error: string, phases: Record<string, number> = {}): Promise<void> {
  await getPool().query(`UPDATE snapshot SET status = 'failed', "finishedAt" = now(), error = $2, phases = $3 WHERE id = $1 AND status = 'running'`, [
    snapshotId,
    error.slice(0, 2000),
    JSON.stringify(phases),
  ]);
}

/** How often a scan's process proves it is alive, and how long silence means it died (under 30 s). */
export const HEARTBEAT_MS = 5_000;
const STALE_HEARTBEAT_MS = 5 * HEARTBEAT_MS;
/** A queued scan no worker has picked up for this long is abandoned too. */
const UNCLAIMED_MS = 10 * 60_000;

export async function isSnapshotRunning(snapshotId: string): Promise<boolean> {
  const { rowCount } = await getPool().query(`SELECT 1 FROM snapshot WHERE id = $1 AND status = 'running'`, [snapshotId]);
  return (rowCount ?? 0) > 0;
}

export async function touchSnapshot(snapshotId: string): Promise<void> {
  await getPool().query(`UPDATE snapshot SET "heartbeatAt" = now() WHERE id = $1 AND status = 'running'`, [snapshotId]);
}

/**
 * Marks failed the `running` snapshots (of one cluster, or all) whose process has died (stale
 * heartbeat) or that no worker ever picked up, so the cluster can be scanned again. Safe with
 * several processes: a live scan keeps its heartbeat fresh. `except`: scans the caller itself is
 * running (alive, whatever their heartbeat says after a database outage).
 */
export async function failOrphanedSnapshots(clusterId?: string, except: readonly string[] = []): Promise<number> {
  const { rowCount } = await getPool().query(
    `UPDATE snapshot SET status = 'failed', "finishedAt" = now(), error = 'orphaned: the process running this scan stopped before it finished'
     WHERE status = 'running' AND ($3::text IS NULL OR "clusterId" = $3) AND id <> ALL($4::text[])
       AND (("heartbeatAt" IS NULL AND "startedAt" < now() - make_interval(secs => $1))
            OR "heartbeatAt" < now() - make_interval(secs => $2))`,
    [UNCLAIMED_MS / 1000, STALE_HEARTBEAT_MS / 1000, clusterId ?? null, except],
  );
  return rowCount ?? 0;
}
