import { PSS_CONTROLS, type PodView, type PssLevel } from "./controls";

export type PssViolation = { control: string; level: "baseline" | "restricted"; container?: string; message: string };
export type PodSecurityResult = { level: PssLevel; violations: PssViolation[] };

/**
 * The highest Pod Security Standards level a pod satisfies, with every violation found.
 * Restricted includes baseline, so a baseline violation caps the pod at "privileged".
 */
export function evaluatePodSecurity(pod: PodView): PodSecurityResult {
  const violations = PSS_CONTROLS.flatMap((control) =>
    control.check(pod).map((v) => ({ control: control.id, level: control.level, ...v })),
  );
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
