import { expireAttestations } from "@/lib/attestations/expire-attestations";
import { getClusterOrThrow } from "@/lib/db/clusters/get-cluster-or-throw";
import { attestedControls } from "@/lib/db/frameworks/attestations";
import { getCheckSettings } from "@/lib/db/settings/check-settings";
import type { CompletedSnapshot } from "@/lib/db/snapshots/complete-snapshot";
import { listActiveRules } from "@/lib/db/suppressions/list-active-rules";
import type { CollectOptions } from "@/lib/k8s/collect-inventory";
import { suppressionPredicate } from "@/lib/scoring/match-suppression";
import { expireSuppressions } from "@/lib/suppressions/expire-suppressions";

import { completeSnapshot } from "./complete-snapshot";
import type { DemoState } from "./demo-cluster-source";
import { failSnapshot } from "./fail-snapshot";
import { phaseTimer } from "./phase-timer";
import { resolveClusterSource } from "./resolve-cluster-source";
import { runScan, type Scan } from "./run-scan";

export type SnapshotRun = {
  snapshotId: string;
  clusterId: string;
  seq: number;
  takenAt: Date;
  demoState?: DemoState;
  collect?: CollectOptions;
};

/**
 * The worker's scan of a registered cluster: runs the shared scan (lib/scans/run-scan.ts) and
 * stores it as the snapshot, timing each phase. A cluster-side failure marks the snapshot failed
 * with the reason and leaves earlier snapshots untouched. A database failure while persisting
 * propagates, so the job is retried on the same snapshot (persisting is one transaction: a retry
 * never duplicates anything).
 */
export async function runSnapshot(run: SnapshotRun): Promise<CompletedSnapshot | { status: "failed"; error: string }> {
  // When the accepted risks were read for scoring: a change after it re-scores the stored snapshot.
  let rulesAt = new Date();
  const timer = phaseTimer();
  const cluster = await getClusterOrThrow(run.clusterId);
  let scan: Scan;
  let disabledChecks: readonly string[];
  try {
    const { source, policy } = await resolveClusterSource(cluster, run.demoState);
    const settings = await getCheckSettings();
    disabledChecks = settings.disabledChecks;
    scan = await runScan(
      { type: "cluster", source, policy, collect: run.collect },
      {
        settings,
        now: run.takenAt,
        timed: timer.timed,
        // Accepted risks count as passing; the count shows beside the score.
        acceptedRisks: async () => {
          rulesAt = new Date();
          await expireSuppressions(run.takenAt, run.clusterId);
          return suppressionPredicate(await listActiveRules(run.clusterId, run.takenAt));
        },
        attestedControls: async () => {
          await expireAttestations(run.clusterId, run.takenAt);
          return attestedControls(run.clusterId, run.takenAt);
        },
      },
    );
  } catch (error) {
    return failSnapshot(run, error, timer.phases);
  }
  const { snapshotId, clusterId, seq, takenAt } = run;
  return completeSnapshot({ snapshotId, clusterId, seq, takenAt }, scan, { disabledChecks, rulesAt, timer });
}
