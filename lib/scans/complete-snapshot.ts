import { retryWhileConnectionLost } from "@/lib/db/connection-lost";
import { saveControlStatuses } from "@/lib/db/frameworks/save-control-statuses";
import { completeSnapshot as persistSnapshot, type CompletedSnapshot } from "@/lib/db/snapshots/complete-snapshot";
import { rescoreIfRisksChangedSince } from "@/lib/db/snapshots/rescore-latest";
import { log } from "@/lib/log";
import { notifyNewFindings } from "@/lib/notify/notify-new-findings";

import type { Timed } from "./phase-timer";
import type { Scan } from "./run-scan";

export type SnapshotRef = { snapshotId: string; clusterId: string; seq: number; takenAt: Date };

/**
 * Stores a finished scan as its snapshot: the frameworks' control statuses, then the findings,
 * scores and status in one transaction; re-scores it if an accepted risk changed while it ran
 * (`rulesAt`: when they were read), and sends the new findings to the webhook. A database
 * failure is retried while the connection is lost, then propagates (the job is retried on the
 * same snapshot: each write replaces what an earlier try wrote).
 */
export async function completeSnapshot(
  run: SnapshotRef,
  scan: Scan,
  o: { disabledChecks: readonly string[]; rulesAt: Date; timer: { timed: Timed; phases: Record<string, number> } },
): Promise<CompletedSnapshot> {
  const retried = <T>(write: () => Promise<T>) =>
    retryWhileConnectionLost(write, (error, attempt) =>
      log.warn(
        { snapshotId: run.snapshotId, attempt, err: error instanceof Error ? error.message : String(error) },
        "database unavailable while writing the scan; retrying",
      ),
    );
  // Before the snapshot completes, so no reader sees a finished snapshot without its statuses.
  await o.timer.timed("persist-frameworks", () => retried(() => saveControlStatuses(run, scan.frameworks)));
  const completed = await o.timer.timed("persist", () =>
    retried(() =>
      persistSnapshot({
        ...run,
        results: scan.results,
        findings: scan.findings,
        scores: scan.scores,
        namespaceScores: scan.namespaceScores,
        disabledChecks: o.disabledChecks,
        warnings: scan.inventory.warnings,
        held: scan.held,
        objectCounts: scan.counts,
        kubernetesVersion: scan.kubernetesVersion,
        phases: o.timer.phases,
      }),
    ),
  );
  await rescoreIfRisksChangedSince(run.clusterId, o.rulesAt);
  log.info(
    {
      clusterId: run.clusterId,
      snapshotId: run.snapshotId,
      status: completed.status,
      phases: o.timer.phases,
      new: completed.newCount,
      resolved: completed.resolvedCount,
    },
    "snapshot finished",
  );
  if (completed.newCount > 0) {
    await notifyNewFindings(run).catch((error: unknown) =>
      log.warn(
        { snapshotId: run.snapshotId, err: error instanceof Error ? error.message : String(error) },
        "notification failed",
      ),
    );
  }
  return completed;
}
