import { ALL_CHECKS } from "@/lib/checks/registry";
import type { Severity } from "@/lib/checks/types";
import type { ScanReport } from "./build-scan-report";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note" };
/** GitHub code scanning reads `security-severity` (0–10) to rank results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** SARIF 2.1.0 for code-scanning tools; locations come from the manifest file and line. */
export function formatSarif(report: ScanReport): string {
  const rules = report.checks.map((c) => {
    const check = ALL_CHECKS.find((x) => x.id === c.id);
    const severity = c.severity as Severity;
    return {
      id: c.id,
      name: c.id,
      shortDescription: { text: c.title },
      fullDescription: { text: check?.rationale ?? c.title },
      help: { text: check?.remediation ?? "", markdown: check?.remediation ?? "" },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ["security", "kubernetes", c.layer], "security-severity": SECURITY_SEVERITY[severity], references: c.references },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => ({
    ruleId: f.checkId,
    ruleIndex: ruleIndex.get(f.checkId),
    level: LEVEL[f.severity],
    message: { text: `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}: ${f.message}` },
    locations: f.resource.source
      ? [{ physicalLocation: { artifactLocation: { uri: f.resource.source.file.replace(/\\/g, "/") }, region: { startLine: f.resource.source.line } } }]
      : [],
    properties: { severity: f.severity, ...(f.container ? { container: f.container } : {}) },
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: report.tool.name, version: report.tool.version, rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
