import type { Inventory } from "@/lib/inventory/types";

import { inspectWorkloads, type FindingBase } from "./evaluate-workloads";
import { ALL_CHECKS } from "./registry";
import {
  mitigatedSeverity,
  type Check,
  type CheckContext,
  type CheckResult,
  type Evaluation,
  type Finding,
  type FoundProblem,
  type WorkloadInspector,
} from "./types";

/**
 * Evaluates every enabled check on an inventory. Pure and deterministic: results come in
 * catalog order, findings in inventory order. A check whose inputs were not collected is
 * "not evaluated" with the reason, never a pass. Checks that judge workloads one by one run
 * together in a single pass over the workloads.
 */
export function runChecks(
  inventory: Inventory,
  ctx: CheckContext,
  checks: readonly Check[] = ALL_CHECKS,
): CheckResult[] {
  const results: CheckResult[] = [];
  const jobs: { at: number; base: FindingBase; inspector: WorkloadInspector }[] = [];
  for (const check of checks) {
    if (ctx.settings.disabledChecks.includes(check.id)) continue;
    const severity = ctx.settings.severityOverrides[check.id] ?? check.severity;
    const base = { checkId: check.id, layer: check.layer, severity };
    const missing = reasonsFor(check, inventory.missing);
    if (missing) {
      results.push({ ...base, status: "not-evaluated", reason: missing });
      continue;
    }
    const outOfScope = reasonsFor(check, inventory.notApplicable);
    if (outOfScope) {
      results.push({ ...base, status: "not-applicable", reason: outOfScope });
      continue;
    }
    const out = prepare(check, inventory, ctx);
    if ("inspect" in out) {
      // Holds the check's place in catalog order; the single pass below fills it in.
      jobs.push({ at: results.length, base, inspector: out });
      results.push({ ...base, status: "evaluated", evaluated: [], findings: [] });
    } else if (out.status !== "evaluated") {
      results.push({ ...base, status: out.status, reason: out.reason });
    } else {
      results.push({
        ...base,
        status: "evaluated",
        evaluated: out.evaluated,
        findings: out.findings.map((f) => toFinding(base, f)),
      });
    }
  }
  inspectWorkloads(inventory.workloads, jobs).forEach((outcome, i) => {
    const { at, base } = jobs[i]!;
    results[at] =
      "error" in outcome
        ? { ...base, status: "not-evaluated", reason: outcome.error }
        : { ...base, status: "evaluated", ...outcome };
  });
  return results;
}

/** Why some of the kinds a check reads are absent, or undefined when none is. */
function reasonsFor(check: Check, absent: Inventory["missing"]): string | undefined {
  const reasons = new Set(check.requires.map((kind) => absent[kind]).filter((r): r is string => r !== undefined));
  return reasons.size > 0 ? [...reasons].join("; ") : undefined;
}

/**
 * A workload check's inspector, or any other check's evaluation. A check that throws is "not
 * evaluated" with the error, never a pass, and the other checks still run.
 */
function prepare(check: Check, inventory: Inventory, ctx: CheckContext): WorkloadInspector | Evaluation {
  try {
    return check.inspectWorkloads?.(inventory, ctx) ?? check.evaluate(inventory, ctx);
  } catch (error) {
    return {
      status: "not-evaluated",
      reason: `check failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Field by field, not by spread: this runs once per finding, and some checks find thousands. */
function toFinding(base: FindingBase, f: FoundProblem): Finding {
  const severity = f.mitigated ? mitigatedSeverity(base.severity) : base.severity;
  return f.container === undefined
    ? { checkId: base.checkId, layer: base.layer, severity, resource: f.resource, message: f.message }
    : {
        checkId: base.checkId,
        layer: base.layer,
        severity,
        resource: f.resource,
        container: f.container,
        message: f.message,
      };
}
