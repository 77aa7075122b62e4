import { failSnapshot as markSnapshotFailed } from "@/lib/db/snapshots/fail-snapshot";
import { log } from "@/lib/log";

/** A scan that could not finish (cluster unreachable, forbidden, cut short): the snapshot says why; earlier ones stay as they were. */
export async function failSnapshot(
  run: { snapshotId: string; clusterId: string },
  error: unknown,
  phases: Record<string, number> = {},
): Promise<{ status: "failed"; error: string }> {
  const message = error instanceof Error ? error.message : String(error);
  log.warn({ clusterId: run.clusterId, snapshotId: run.snapshotId, err: message }, "snapshot failed");
  await markSnapshotFailed(run.snapshotId, message, phases);
  return { status: "failed", error: message };
}
