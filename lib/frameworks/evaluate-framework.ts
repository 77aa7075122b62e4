import type { ManagedProvider } from "@/lib/checks/node/detect-provider";
import type { CheckResult, Finding } from "@/lib/checks/types";
import type { ResourceRef } from "@/lib/inventory/types";

import { ALL_FRAMEWORKS } from "./registry";
import { frameworkVersion, type Control, type ControlResult, type Framework, type FrameworkResult } from "./types";

export type FrameworkInput = {
  /** One scan's check results; a check absent from them did not run (turned off in settings). */
  results: readonly CheckResult[];
  /** Set when the control plane is managed: its controls are then the provider's. */
  provider?: ManagedProvider;
  /** Manual controls with a current attestation, keyed `frameworkId/controlId`. */
  attested?: ReadonlySet<string>;
  /** Findings covered by an accepted risk in force: they count as passing, as in the scores. */
  isSuppressed?: (f: Pick<Finding, "checkId" | "resource">) => boolean;
};

export const controlKey = (frameworkId: string, controlId: string) => `${frameworkId}/${controlId}`;

const NOTHING_TO_EVALUATE = "nothing to evaluate: the scan held none of the resources these checks look at";

const refKey = (r: ResourceRef) => `${r.kind}\u0000${r.namespace}\u0000${r.name}`;

/**
 * A control's status from a scan. Never `pass` unless every mapped check was evaluated: a check
 * that did not run or could not be evaluated makes the control `not-evaluated`, with each
 * check's reason, and so does a scan that held nothing the checks look at. A finding on any mapped check makes it `fail`, with the failing resources.
 */
export function evaluateControl(
  frameworkId: string,
  control: Control,
  input: FrameworkInput,
  byCheck: ReadonlyMap<string, CheckResult>,
): ControlResult {
  const base = { id: control.id, title: control.title, section: control.section };
  if (control.controlPlane && input.provider) {
    return {
      ...base,
      status: "not-applicable",
      checks: [],
      evaluated: 0,
      failing: [],
      reason: `the control plane is managed by the provider (${input.provider})`,
    };
  }
  const { judged } = control;
  if (judged.by === "manual")
    return {
      ...base,
      status: "manual",
      checks: [],
      evaluated: 0,
      failing: [],
      reason: judged.evidence,
      attested: input.attested?.has(controlKey(frameworkId, control.id)) ?? false,
    };
  if (judged.by === "not-applicable")
    return { ...base, status: "not-applicable", checks: [], evaluated: 0, failing: [], reason: judged.reason };

  const unevaluated: string[] = [];
  const notApplicable: string[] = [];
  let looked = 0;
  const failing = new Map<string, { resource: ResourceRef; checks: string[] }>();
  for (const checkId of judged.checks) {
    const result = byCheck.get(checkId);
    if (!result) unevaluated.push(`${checkId}: did not run (turned off in settings)`);
    else if (result.status !== "evaluated")
      (result.status === "not-applicable" ? notApplicable : unevaluated).push(`${checkId}: ${result.reason}`);
    else {
      looked += result.evaluated.length;
      for (const f of relevant(result.findings, judged.only)) if (!input.isSuppressed?.(f)) addFailing(failing, f);
    }
  }

  const checks = [...judged.checks];
  // Every mapped check has nothing to judge here by design (no cloud metadata service, a manifests scan's cluster state, a
  // setting not made): the control does not apply to this scan either, with why. One such check among others is left out.
  if (notApplicable.length === judged.checks.length)
    return {
      ...base,
      status: "not-applicable",
      checks,
      evaluated: 0,
      failing: [],
      reason: `does not apply here: ${notApplicable.join("; ")}`,
    };
  // Scores count passes from what was evaluated; a control over nothing has no evidence either way.
  const reason = unevaluated.length
    ? `not evaluated: ${unevaluated.join("; ")}`
    : looked === 0
      ? NOTHING_TO_EVALUATE
      : undefined;
  if (failing.size)
    return {
      ...base,
      status: "fail",
      checks,
      evaluated: looked,
      failing: [...failing.values()],
      ...(reason ? { reason } : {}),
    };
  if (reason) return { ...base, status: "not-evaluated", checks, evaluated: looked, failing: [], reason };
  return { ...base, status: "pass", checks, evaluated: looked, failing: [] };
}

export function relevant<F extends Pick<Finding, "checkId" | "message">>(
  findings: readonly F[],
  only: { check: string; messageIncludes: readonly string[] } | undefined,
): readonly F[] {
  if (!only) return findings;
  return findings.filter((f) => f.checkId !== only.check || only.messageIncludes.some((w) => f.message.includes(w)));
}

export function addFailing(
  failing: Map<string, { resource: ResourceRef; checks: string[] }>,
  f: Pick<Finding, "checkId" | "resource">,
): void {
  const key = refKey(f.resource);
  const entry = failing.get(key);
  if (!entry) failing.set(key, { resource: f.resource, checks: [f.checkId] });
  else if (!entry.checks.includes(f.checkId)) entry.checks.push(f.checkId);
}

export function evaluateFramework(framework: Framework, input: FrameworkInput): FrameworkResult {
  const byCheck = new Map(input.results.map((r) => [r.checkId, r]));
  return {
    id: framework.id,
    title: framework.title,
    version: frameworkVersion(framework),
    controls: framework.controls.map((c) => evaluateControl(framework.id, c, input, byCheck)),
  };
}

export function evaluateFrameworks(
  input: FrameworkInput,
  frameworks: readonly Framework[] = ALL_FRAMEWORKS,
): FrameworkResult[] {
  return frameworks.map((f) => evaluateFramework(f, input));
}
