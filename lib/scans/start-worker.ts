import { listDueClusters } from "@/lib/db/clusters/list-due-clusters";
import { applyRetention } from "@/lib/db/snapshots/apply-retention";
import { failOrphanedSnapshots } from "@/lib/db/snapshots/fail-orphaned-snapshots";
import { failSnapshot } from "@/lib/db/snapshots/fail-snapshot";
import { HEARTBEAT_MS, isSnapshotRunning, touchSnapshot } from "@/lib/db/snapshots/snapshot-heartbeat";
import { getBoss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/ensure-queue";
import { SCAN_QUEUE, SCAN_TIMEOUT_MS, TICK_QUEUE, ZScanJob } from "@/lib/jobs/scan-queue";
import { log } from "@/lib/log";
import { expireAcceptedRisks } from "@/lib/suppressions/expire-suppressions";

import { requestScan } from "./request-scan";
import { runSnapshot } from "./run-snapshot";

const RETENTION_QUEUE = "snapshot-retention";
/** How often a worker looks for scans whose process died, so one is found within 30 s. */
const ORPHAN_SWEEP_MS = 5_000;

/** Scans this process is running now. */
const active = new Set<string>();
let sweep: NodeJS.Timeout | undefined;

/** Marks failed the scans this process was running when it was told to stop. */
export async function failInterruptedScans(): Promise<void> {
  clearInterval(sweep);
  await Promise.all(
    [...active].map((id) => failSnapshot(id, "interrupted: the scan worker was stopped before the scan finished")),
  );
}

/** Queues a scan for every cluster whose interval has passed; first clears scans orphaned by a crash. */
export async function scheduleDueScans(now: Date = new Date()): Promise<number> {
  await failOrphanedSnapshots();
  await expireAcceptedRisks(now);
  const due = await listDueClusters(now);
  for (const clusterId of due) await requestScan(clusterId, "schedule");
  return due.length;
}

/**
 * Runs scans from the queue, one at a time per worker, and a once-a-minute tick that queues
 * due clusters. pg-boss runs the cron in one process across all replicas, and the one-running-
 * snapshot-per-cluster index stops double scans whatever the number of processes.
 */
export async function startWorker(): Promise<void> {
  const boss = await getBoss({ worker: true });
  await ensureQueue(boss, SCAN_QUEUE);
  await ensureQueue(boss, TICK_QUEUE);
  await boss.work(SCAN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    const data = ZScanJob.parse(job?.data);
    if (!(await isSnapshotRunning(data.snapshotId))) return;
    await touchSnapshot(data.snapshotId);
    const heartbeat = setInterval(() => void touchSnapshot(data.snapshotId).catch(() => {}), HEARTBEAT_MS);
    active.add(data.snapshotId);
    try {
      await runSnapshot({
        snapshotId: data.snapshotId,
        clusterId: data.clusterId,
        seq: data.seq,
        takenAt: new Date(data.takenAt),
        collect: { deadlineMs: SCAN_TIMEOUT_MS },
      });
    } finally {
      clearInterval(heartbeat);
      active.delete(data.snapshotId);
    }
  });
  await boss.work(TICK_QUEUE, { batchSize: 1 }, async () => {
    const queued = await scheduleDueScans();
    if (queued) log.info({ queued }, "scheduled scans queued");
  });
  await boss.schedule(TICK_QUEUE, "* * * * *", null, { tz: "UTC" });
  await ensureQueue(boss, RETENTION_QUEUE);
  await boss.work(RETENTION_QUEUE, { batchSize: 1 }, async () => {
    log.info(await applyRetention(), "retention applied");
  });
  await boss.schedule(RETENTION_QUEUE, "17 * * * *", null, { tz: "UTC" });
  const orphaned = await failOrphanedSnapshots();
  if (orphaned) log.warn({ orphaned }, "marked scans left running by a previous process as failed");
  clearInterval(sweep);
  sweep = setInterval(() => {
    failOrphanedSnapshots(undefined, [...active]).then(
      (n) => n && log.warn({ orphaned: n }, "marked scans whose process stopped as failed"),
      () => {},
    );
  }, ORPHAN_SWEEP_MS);
  sweep.unref();
}
