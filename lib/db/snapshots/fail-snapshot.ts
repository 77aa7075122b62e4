import { getPool } from "../pool";

/** Marks a running snapshot failed with a reason; previous snapshots and findings stay as they were. */
export async function failSnapshot(
  snapshotId: string,
  error: string,
  phases: Record<string, number> = {},
): Promise<void> {
  await getPool().query(
    `UPDATE snapshot SET status = 'failed', "finishedAt" = now(), error = $2, phases = $3 WHERE id = $1 AND status = 'running'`,
    [snapshotId, error.slice(0, 2000), JSON.stringify(phases)],
  );
}
