import type { PgBoss } from "pg-boss";
import { z } from "zod";

import type { TransactionSql } from "@/lib/db/snapshots/start-snapshot";
import { AppError } from "@/lib/errors";

import { getBoss } from "./boss";

export const SCAN_QUEUE = "snapshot-scan";
export const TICK_QUEUE = "snapshot-schedule-tick";
/** The longest a scan may run before it is abandoned (and its snapshot later marked orphaned). */
export const SCAN_TIMEOUT_MS = 15 * 60_000;

export const ZScanJob = z.object({
  snapshotId: z.string(),
  clusterId: z.string(),
  seq: z.number().int(),
  takenAt: z.iso.datetime(),
});
export type ScanJob = z.infer<typeof ZScanJob>;

/** The job queue when scans can be queued (pg-boss installed, the scan queue created), else null. */
export async function readyScanQueue(): Promise<PgBoss | null> {
  try {
    const boss = await getBoss();
    return (await boss.getQueue(SCAN_QUEUE)) ? boss : null;
  } catch {
    return null;
  }
}

/** How long a scan request waits for the queue to become ready (right after start) before answering 503. */
const READY_WAIT_MS = 3_000;

/** The scan queue, waiting for it a few seconds right after start; a clear 503 if it is still not ready. */
export async function waitForScanQueue(): Promise<PgBoss> {
  const deadline = Date.now() + READY_WAIT_MS;
  for (;;) {
    const boss = await readyScanQueue();
    if (boss) return boss;
    if (Date.now() >= deadline) {
      throw new AppError("UNAVAILABLE", {
        userMessage:
          "Scans cannot be queued yet: Bulwark is still starting (the scan queue is not ready). Try again in a few seconds.",
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Queues a snapshot's scan job on the transaction that opens the snapshot (`db`), so it commits with it. */
export async function sendScanJob(boss: PgBoss, job: ScanJob, db: TransactionSql): Promise<void> {
  // No singleton key: the one-running-snapshot index already makes one scan per cluster, and
  // a dead scan's job must not keep the one replacing it from being queued.
  const id = await boss.send(SCAN_QUEUE, job, {
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: SCAN_TIMEOUT_MS / 1000,
    db,
  });
  if (!id) throw new Error(`the scan of snapshot ${job.snapshotId} was not queued`);
}
