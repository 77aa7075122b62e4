import { mergeFindings } from "@/lib/checks/merge-findings";
import { detectProvider } from "@/lib/checks/node/detect-provider";
import { runChecks } from "@/lib/checks/run-checks";
import type { CheckSettings } from "@/lib/checks/settings";
import type { CheckResult, Finding } from "@/lib/checks/types";
import { evaluateFrameworks } from "@/lib/frameworks/evaluate-framework";
import type { FrameworkResult } from "@/lib/frameworks/types";
import type { CollectOptions } from "@/lib/k8s/collect-inventory";
import type { ClusterSource, ConnectPolicy } from "@/lib/k8s/connect";
import { scoreSnapshot, type Scores } from "@/lib/scoring/score";

import { collectManifests } from "./collect-manifests";
import type { Collection } from "./collection";
import { untimed, type Timed } from "./phase-timer";

/** What a scan reads: a live cluster (the worker, `bulwark scan --kubeconfig`) or manifest files (`bulwark scan --manifests`). */
export type ScanTarget =
  | { type: "cluster"; source: ClusterSource; policy: ConnectPolicy; collect?: CollectOptions }
  | { type: "manifests"; paths: string[] };

export type ScanOptions = {
  settings: CheckSettings;
  /** The scan's time, for the checks that compare dates (expiring certificates, stale keys). */
  now: Date;
  /** Times each phase (the worker stores them with the snapshot). */
  timed?: Timed;
  /** Read once the checks have run, just before scoring: which findings an accepted risk covers (they count as passing). */
  acceptedRisks?: () => Promise<(finding: Pick<Finding, "checkId" | "resource">) => boolean>;
  /** Read just before the frameworks are evaluated: manual controls with a current attestation (`frameworkId/controlId`). */
  attestedControls?: () => Promise<ReadonlySet<string>>;
};

export type Scan = Collection & {
  results: CheckResult[];
  /** The findings merged per check, resource and container: what is stored, listed and counted. */
  findings: Finding[];
  scores: Scores;
  namespaceScores: Map<string, Scores>;
  frameworks: FrameworkResult[];
};

/**
 * The one scan sequence of the worker and the CLI: collect → evaluate → merge findings → score
 * (and the frameworks' control statuses). It writes nothing: the worker persists the result
 * (lib/scans/run-snapshot.ts), the CLI reports it (lib/cli-report). A cluster-side failure throws.
 */
export async function runScan(target: ScanTarget, options: ScanOptions): Promise<Scan> {
  const timed = options.timed ?? untimed;
  const collection = await collect(target, timed);
  const results = await timed("evaluate", () =>
    runChecks(collection.inventory, { now: options.now, settings: options.settings }),
  );
  const findings = mergeFindings(results.flatMap((r) => (r.status === "evaluated" ? r.findings : [])));
  const isSuppressed = options.acceptedRisks ? await options.acceptedRisks() : undefined;
  const { scores, namespaces } = await timed("score", () => scoreSnapshot(results, { isSuppressed }));
  const attested = await options.attestedControls?.();
  const frameworks = await timed("frameworks", () =>
    evaluateFrameworks({ results, provider: detectProvider(collection.inventory.nodes), attested, isSuppressed }),
  );
  return { ...collection, results, findings, scores, namespaceScores: namespaces, frameworks };
}

async function collect(target: ScanTarget, timed: Timed): Promise<Collection> {
  if (target.type === "manifests") return collectManifests(target.paths);
  // Loaded only for a cluster: the Kubernetes client takes longer to load than a manifest scan takes.
  const { collectCluster } = await import("./collect-cluster");
  return collectCluster(target.source, target.policy, target.collect, timed);
}
