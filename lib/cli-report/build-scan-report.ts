import { evaluatePodSecurity, type PssViolation } from "@/lib/checks/pss/evaluate-pod-security";
import type { PssLevel } from "@/lib/checks/pss/pss-standard-controls";
import { ALL_CHECKS } from "@/lib/checks/registry";
import type { CheckResult, Finding, Layer } from "@/lib/checks/types";
import type { FrameworkResult } from "@/lib/frameworks/types";
import type { ResourceRef } from "@/lib/inventory/types";
import type { Scan } from "@/lib/scans/run-scan";
import type { ScoreSummary } from "@/lib/scoring/score";

export const TOOL = {
  name: "bulwark",
  version: "0.1.0",
  informationUri: "https://github.com/bulwark-security/bulwark",
} as const;

/** The CLI's JSON output (ARCHITECTURE.md, "Contracts"): fields may be added, never renamed. */
export type ScanReport = {
  tool: typeof TOOL;
  checks: { id: string; layer: Layer; severity: string; title: string; references: readonly string[] }[];
  findings: Finding[];
  scores: { overall: ScoreSummary; layers: Record<Layer, ScoreSummary> };
  podSecurity: { resource: ResourceRef; level: PssLevel; violations: PssViolation[] }[];
  notEvaluated: { checkId: string; reason: string }[];
  /** Checks with nothing to judge in this scan by design (a manifests scan's cluster state, a setting not made): out of the scores. */
  notApplicable: { checkId: string; reason: string }[];
  /** Each framework's controls with their status in this scan (lib/frameworks). */
  frameworks: FrameworkResult[];
  warnings: string[];
};

/** A scan (lib/scans/run-scan.ts) as the CLI reports it. */
export function buildScanReport({ inventory, results, findings, scores, frameworks, warnings }: Scan): ScanReport {
  const ran = new Set(results.map((r) => r.checkId));
  return {
    tool: TOOL,
    checks: ALL_CHECKS.filter((c) => ran.has(c.id)).map((c) => ({
      id: c.id,
      layer: c.layer,
      severity: results.find((r) => r.checkId === c.id)?.severity ?? c.severity,
      title: c.title,
      references: c.references,
    })),
    findings,
    scores,
    podSecurity: inventory.workloads.map((w) => ({
      resource: w.ref,
      ...evaluatePodSecurity({ annotations: w.podMeta.annotations, spec: w.spec }),
    })),
    notEvaluated: withStatus(results, "not-evaluated"),
    notApplicable: withStatus(results, "not-applicable"),
    frameworks,
    warnings: [...warnings, ...inventory.warnings.map((w) => `${w.kind}: ${w.reason}`)],
  };
}

const withStatus = (results: CheckResult[], status: "not-evaluated" | "not-applicable") =>
  results.flatMap((r) => (r.status === status ? [{ checkId: r.checkId, reason: r.reason }] : []));
