import type { Workload } from "@/lib/inventory/types";

import { checkControls, type PodView, type PssLevel, type PssViolation } from "./pss-standard-controls";

export type { PssViolation };
export type PodSecurityResult = { level: PssLevel; violations: PssViolation[] };

/**
 * The highest Pod Security Standards level a pod satisfies, with every violation found.
 * Restricted includes baseline, so a baseline violation caps the pod at "privileged".
 */
export function evaluatePodSecurity(pod: PodView): PodSecurityResult {
  return podSecurity(pod.annotations, pod.spec);
}

/** A workload's pod template, judged against the Pod Security Standards. */
export function podSecurityOf(workload: Workload): PodSecurityResult {
  return podSecurity(workload.podMeta.annotations, workload.spec);
}

const MEMO = Symbol("podSecurity");

/**
 * Memoised on the spec object: the 19 PSS checks, the namespace check and the report all ask
 * about the same pods, and an inventory does not change once built. A non-enumerable symbol
 * property is far cheaper to read than a WeakMap lookup, and never reaches JSON. Taking the two
 * parts rather than a view object spares an allocation on each of those 20 asks per pod.
 */
function podSecurity(annotations: PodView["annotations"], spec: PodView["spec"]): PodSecurityResult {
  const memo = (spec as Memo)[MEMO];
  if (memo && memo.annotations === annotations) return memo.result;
  const result = computePodSecurity({ annotations, spec });
  Object.defineProperty(spec, MEMO, {
    value: { annotations, result },
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return result;
}

type Memo = { [MEMO]?: { annotations: Record<string, string>; result: PodSecurityResult } };

function computePodSecurity(pod: PodView): PodSecurityResult {
  const violations = checkControls(pod);
  const level: PssLevel = violations.some((v) => v.level === "baseline")
    ? "privileged"
    : violations.length > 0
      ? "baseline"
      : "restricted";
  return { level, violations };
}

const RANK: Record<PssLevel, number> = { privileged: 0, baseline: 1, restricted: 2 };

/** True when `actual` meets or exceeds `required`. */
export function satisfiesLevel(actual: PssLevel, required: PssLevel): boolean {
  return RANK[actual] >= RANK[required];
}
