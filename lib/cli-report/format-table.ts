import { LAYERS, SEVERITIES, type Finding, type Severity } from "@/lib/checks/types";
import type { ScoreSummary } from "@/lib/scoring/score";
import { tallyMergedFindings } from "@/lib/scoring/tally-findings";

import type { ScanReport } from "./build-scan-report";

const COLOR: Record<Severity | "dim" | "bold", string> = {
  critical: "\x1b[1;41;97m",
  high: "\x1b[31m",
  medium: "\x1b[33m",
  low: "\x1b[36m",
  dim: "\x1b[2m",
  bold: "\x1b[1m",
};
const RESET = "\x1b[0m";

/** Control characters from manifests or clusters could rewrite the terminal: show them escaped. */
export const safe = (s: string) =>
  s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** A score under 90% coverage has no grade: it says so, with its coverage. */
const fmtScore = (s: ScoreSummary) =>
  s.score === null
    ? "n/a"
    : `${s.score.toFixed(1)} (${s.grade ?? `incomplete, ${Math.floor(s.coverage * 100)}% evaluated`})`;

function resourceLabel(f: Finding): string {
  const r = f.resource;
  return safe(`${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`);
}

/** What a person reads in a terminal: findings grouped by layer, worst first, with the scores. */
export function formatTable(report: ScanReport, { color }: { color: boolean }): string {
  const paint = (style: keyof typeof COLOR, s: string) => (color ? `${COLOR[style]}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const layer of LAYERS) {
    const findings = report.findings
      .filter((f) => f.layer === layer)
      .sort(
        (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.checkId.localeCompare(b.checkId),
      );
    const s = report.scores.layers[layer];
    if (findings.length === 0 && s.score === null) continue;
    lines.push(
      paint("bold", `${layer.toUpperCase()}  score ${fmtScore(s)}  ·  ${s.evaluated} evaluated, ${s.failed} failed`),
    );
    for (const f of findings) {
      const where = f.resource.source
        ? `  ${paint("dim", safe(`${f.resource.source.file}:${f.resource.source.line}`))}`
        : "";
      lines.push(
        `  ${paint(f.severity, f.severity.toUpperCase().padEnd(8))}  ${f.checkId.padEnd(34)} ${resourceLabel(f)}: ${safe(f.message)}${where}`,
      );
    }
    lines.push("");
  }
  const tally = tallyMergedFindings(report.findings).overall;
  const counts = SEVERITIES.map((sev) => `${tally[sev]} ${sev}`).join(", ");
  lines.push(paint("bold", `Overall ${fmtScore(report.scores.overall)}`) + `  ·  ${tally.failed} findings (${counts})`);
  lines.push(`Layers: ${LAYERS.map((l) => `${l} ${fmtScore(report.scores.layers[l])}`).join(" · ")}`);
  lines.push(`Coverage: ${Math.round(report.scores.overall.coverage * 100)}% of checks (by weight) could be evaluated`);
  for (const n of report.notEvaluated) lines.push(paint("dim", `  not evaluated: ${n.checkId} — ${n.reason}`));
  const notApplicable = Map.groupBy(report.notApplicable, (n) => n.reason);
  for (const [reason, checks] of notApplicable) {
    lines.push(
      paint(
        "dim",
        `  ${checks.length === 1 ? "1 check does" : `${checks.length} checks do`} not apply here (${reason}): ${checks.map((c) => c.checkId).join(", ")}`,
      ),
    );
  }
  for (const w of report.warnings) lines.push(paint("medium", `warning: ${safe(w)}`));
  return `${lines.join("\n")}\n`;
}
