import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { getClusterOrThrow } from "@/lib/db/clusters/get-cluster-or-throw";
import { startSnapshot, type StartedSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { sendScanJob, waitForScanQueue } from "@/lib/jobs/scan-queue";

/**
 * Starts a scan of a cluster: opens the snapshot (or finds the one already running) and
 * queues its job in the same transaction, so a snapshot is never left without a job. Returns
 * the snapshot either way, so "scan now" twice gives one scan.
 */
export async function requestScan(clusterId: string, trigger: "schedule" | "manual"): Promise<StartedSnapshot> {
  const boss = await waitForScanQueue();
  const takenAt = new Date();
  return startSnapshot(clusterId, trigger, takenAt, (snapshot, db) =>
    sendScanJob(boss, { snapshotId: snapshot.id, clusterId, seq: snapshot.seq, takenAt: takenAt.toISOString() }, db),
  );
}

/** "Scan now" by a caller: the cluster must exist; a scan it starts (not one already running) goes to the audit log. */
export async function requestManualScan(clusterId: string, caller: Caller): Promise<StartedSnapshot> {
  await getClusterOrThrow(clusterId);
  const snapshot = await requestScan(clusterId, "manual");
  if (snapshot.isNew)
    await audit(caller, "scan.requested", { type: "cluster", id: clusterId }, { snapshotId: snapshot.id });
  return snapshot;
}
