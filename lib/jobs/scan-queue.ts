import { z } from "zod";
import { startSnapshot, type StartedSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { getBoss } from "./boss";

export const SCAN_QUEUE = "snapshot-scan";
export const TICK_QUEUE = "snapshot-schedule-tick";
/** The longest a scan may run before it is abandoned (and its snapshot later marked orphaned). */
export const SCAN_TIMEOUT_MS = 15 * 60_000;

export const ZScanJob = z.object({ snapshotId: z.string(), clusterId: z.string(), seq: z.number().int(), takenAt: z.iso.datetime() });
export type ScanJob = z.infer<typeof ZScanJob>;

/**
 * Starts a scan of a cluster: opens the snapshot (or finds the one already running) and
 * queues its job. Returns the snapshot either way, so "scan now" twice gives one scan.
 */
export async function requestScan(clusterId: string, trigger: "schedule" | "manual"): Promise<StartedSnapshot> {
  const takenAt = new Date();
  const snapshot = await startSnapshot(clusterId, trigger, takenAt);
  if (snapshot.isNew) {
    const boss = await getBoss();
    const job: ScanJob = { snapshotId: snapshot.id, clusterId, seq: snapshot.seq, takenAt: takenAt.toISOString() };
    await boss.send(SCAN_QUEUE, job, { singletonKey: clusterId, retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: SCAN_TIMEOUT_MS / 1000 });
  }
  return snapshot;
}
