import type { Inventory, InventoryKind, ResourceRef, Workload } from "@/lib/inventory/types";

import { SEVERITIES, type Layer, type Severity } from "./layers";
import type { CheckSettings } from "./settings";

export { LAYERS, SEVERITIES, type Layer, type Severity } from "./layers";

/** Everything a check may know besides the inventory. Time is an input: checks never read a clock. */
export type CheckContext = { now: Date; settings: CheckSettings };

/** One failed check on one resource (and container, where it applies). */
export type Finding = {
  checkId: string;
  layer: Layer;
  severity: Severity;
  resource: ResourceRef;
  container?: string;
  message: string;
};

/** What a check's `evaluate` returns: the resources it looked at and what failed. */
export type Evaluation =
  { status: "evaluated"; evaluated: readonly ResourceRef[]; findings: FoundProblem[] } | NotEvaluated | NotApplicable;
/** The check applies here but could not look (a permission, a failed list, an error): weighs as failing. */
export type NotEvaluated = { status: "not-evaluated"; reason: string };
/**
 * There is nothing for the check to judge here, by design rather than for want of access: the
 * provider runs that part (a managed control plane), the nodes show no cloud metadata service,
 * a setting it needs is not made (no trusted registries), or the scan's source cannot hold it (a
 * manifests scan has no nodes). Listed with the reason, left out of the score and its coverage.
 */
export type NotApplicable = { status: "not-applicable"; reason: string };

/**
 * One problem a check found, before the engine adds the check's id, layer and severity.
 * `mitigated`: something in place lowers the risk without meeting the rule (a user namespace
 * under a root container): the finding stays, one severity step below the check's.
 */
export type FoundProblem = Omit<Finding, "checkId" | "layer" | "severity"> & { mitigated?: true };

/** Reports one problem with the workload being inspected: a specific message, the container it concerns, and whether it is mitigated. */
export type Found = (message: string, container?: string, mitigated?: boolean) => void;

/** A mitigated finding's severity: one step below the check's (low stays low). */
export function mitigatedSeverity(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)]!;
}

/** A workload check's work in one run: which workloads it applies to, and what it finds in each. */
export type WorkloadInspector = {
  /** The workloads the check applies to (every one when absent); the others are neither evaluated nor reported. */
  include?: (workload: Workload) => boolean;
  inspect: (workload: Workload, found: Found) => void;
};

export type Check = {
  /** `<layer>.<kebab-name>`, stable forever. */
  id: string;
  layer: Layer;
  severity: Severity;
  title: string;
  /** Why it matters, in two or three sentences. */
  rationale: string;
  /** What to change, with a YAML fragment where one helps. */
  remediation: string;
  /** Public standards a user will look for ("CIS 5.2.1", "PSS baseline: Privileged Containers"). */
  references: readonly string[];
  /** Data the check reads; when any was not collected the check is "not evaluated". */
  requires: readonly InventoryKind[];
  evaluate: (inventory: Inventory, ctx: CheckContext) => Evaluation;
  /**
   * For checks that look at each workload on its own: prepares the run's inspector. The engine
   * runs every such check in one pass over the workloads; `evaluate` gives the same result alone.
   */
  inspectWorkloads?: (inventory: Inventory, ctx: CheckContext) => WorkloadInspector | NotEvaluated | NotApplicable;
};

/** A check's outcome in one run. Scores count passes from `evaluated`. */
export type CheckResult =
  | {
      checkId: string;
      layer: Layer;
      severity: Severity;
      status: "evaluated";
      evaluated: readonly ResourceRef[];
      findings: Finding[];
    }
  | { checkId: string; layer: Layer; severity: Severity; status: "not-evaluated" | "not-applicable"; reason: string };
