import { getPool } from "../pool";

/** How often a scan's process proves it is alive, and how long silence means it died (under 30 s). */
export const HEARTBEAT_MS = 5_000;
export const STALE_HEARTBEAT_MS = 5 * HEARTBEAT_MS;

export async function isSnapshotRunning(snapshotId: string): Promise<boolean> {
  const { rowCount } = await getPool().query(`SELECT 1 FROM snapshot WHERE id = $1 AND status = 'running'`, [
    snapshotId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** The scan's heartbeat: its process is alive and still running it. */
export async function touchSnapshot(snapshotId: string): Promise<void> {
  await getPool().query(`UPDATE snapshot SET "heartbeatAt" = now() WHERE id = $1 AND status = 'running'`, [snapshotId]);
}
