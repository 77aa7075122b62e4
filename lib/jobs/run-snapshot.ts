import { ALL_CHECKS } from "@/lib/checks/registry";
import { runChecks } from "@/lib/checks/run-checks";
import type { InventoryKind } from "@/lib/inventory/types";
import { detectProvider } from "@/lib/checks/node/detect-provider";
import { attestedControls } from "@/lib/db/frameworks/attestations";
import { saveControlStatuses } from "@/lib/db/frameworks/save-control-statuses";
import { evaluateFrameworks } from "@/lib/frameworks/evaluate-framework";
import type { FrameworkResult } from "@/lib/frameworks/types";
import { getClusterOrThrow } from "@/lib/db/clusters/get-cluster-or-throw";
import { getCheckSettings } from "@/lib/db/settings/check-settings";
import { completeSnapshot, type CompletedSnapshot } from "@/lib/db/snapshots/complete-snapshot";
import { failSnapshot } from "@/lib/db/snapshots/fail-snapshot";
import { retryWhileConnectionLost } from "@/lib/db/connection-lost";
import type { DemoState } from "@/lib/fake-api-server/clusters/demo";
import { collectInventory, type CollectOptions } from "@/lib/k8s/collect-inventory";
import { connect } from "@/lib/k8s/connect";
import { log } from "@/lib/log";
import { notifyNewFindings } from "@/lib/notify/notify-new-findings";
import { scoreSnapshot } from "@/lib/scoring/score";
import { listActiveRules } from "@/lib/db/suppressions/list-active-rules";
import { suppressionPredicate } from "@/lib/suppressions/match-suppression";
import { rescoreIfRisksChangedSince } from "@/lib/db/snapshots/rescore-latest";
import { resolveClusterSource } from "./resolve-cluster-source";

/** The checks that read any of these kinds of data. */
const checksReading = (kinds: readonly InventoryKind[]) => ALL_CHECKS.filter((c) => c.requires.some((k) => kinds.includes(k))).map((c) => c.id);

export type SnapshotRun = { snapshotId: string; clusterId: string; seq: number; takenAt: Date; demoState?: DemoState; collect?: CollectOptions };

/**
 * One scan: connect, collect, evaluate, score, persist, timing each phase. A cluster-side
 * failure marks the snapshot failed with the reason and leaves earlier snapshots untouched. A
 * database failure while persisting propagates, so the job is retried on the same snapshot
 * (persisting is one transaction: a retry never duplicates anything).
 */
export async function runSnapshot(run: SnapshotRun): Promise<CompletedSnapshot | { status: "failed"; error: string }> {
  // When the accepted risks were read for scoring: a change after it re-scores the stored snapshot.
  let rulesAt = new Date();
  const phases: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] = Math.round(performance.now() - started);
    }
  };
  const cluster = await getClusterOrThrow(run.clusterId);
  let outcome: Omit<Parameters<typeof completeSnapshot>[0], "phases">;
  let frameworks: FrameworkResult[];
  try {
    const { source, policy } = await resolveClusterSource(cluster, run.demoState);
    const settings = await getCheckSettings();
    const conn = await timed("connect", () => connect(source, policy));
    const collected = await timed("collect", () => collectInventory(conn, run.collect));
    const results = await timed("evaluate", () => runChecks(collected.inventory, { now: run.takenAt, settings }));
    // Accepted risks count as passing; the count shows beside the score.
    rulesAt = new Date();
    const rules = await listActiveRules(run.clusterId, run.takenAt);
    const { scores, namespaces: namespaceScores } = await timed("score", () => scoreSnapshot(results, { isSuppressed: suppressionPredicate(rules) }));
    const attested = await attestedControls(run.clusterId, run.takenAt);
    frameworks = await timed("frameworks", () => evaluateFrameworks({ results, provider: detectProvider(collected.inventory.nodes), attested, isSuppressed: suppressionPredicate(rules) }));
    outcome = { ...run, results, scores, namespaceScores, disabledChecks: settings.disabledChecks, warnings: collected.warnings, held: { ...collected.held, checks: checksReading(collected.held.partial) }, objectCounts: collected.counts, kubernetesVersion: collected.version.gitVersion };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ clusterId: run.clusterId, snapshotId: run.snapshotId, err: message }, "snapshot failed");
    await failSnapshot(run.snapshotId, message, phases);
    return { status: "failed", error: message };
  }
  // Each write replaces what an earlier try wrote: after a database restart it is simply done again.
  const retried = <T>(write: () => Promise<T>) =>
    retryWhileConnectionLost(write, (error, attempt) =>
      log.warn({ snapshotId: run.snapshotId, attempt, err: error instanceof Error ? error.message : String(error) }, "database unavailable while writing the scan; retrying"),
    );
  // Before the snapshot completes, so no reader sees a finished snapshot without its statuses.
  await timed("persist-frameworks", () => retried(() => saveControlStatuses(run, frameworks)));
  const completed = await timed("persist", () => retried(() => completeSnapshot({ ...outcome, phases })));
  await rescoreIfRisksChangedSince(run.clusterId, rulesAt);
  log.info({ clusterId: run.clusterId, snapshotId: run.snapshotId, status: completed.status, phases, new: completed.newCount, resolved: completed.resolvedCount }, "snapshot finished");
  if (completed.newCount > 0) {
    await notifyNewFindings(run).catch((error: unknown) => log.warn({ snapshotId: run.snapshotId, err: error instanceof Error ? error.message : String(error) }, "notification failed"));
  }
  return completed;
}
