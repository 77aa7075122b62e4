import path from "node:path";
import { pathToFileURL } from "node:url";

import { ALL_CHECKS } from "@/lib/checks/registry";
import type { Severity } from "@/lib/checks/types";

import { findingKey } from "./baseline";
import type { ScanReport } from "./build-scan-report";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};
/** GitHub code scanning reads `security-severity` (0–10) to rank results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
/** Relative locations are relative to the directory the scan ran in (a pipeline's checkout). */
const SRCROOT = "SRCROOT";

export type SarifOptions = {
  /** Directory relative manifest paths are resolved against (default: the working directory). */
  cwd?: string;
  /** Identities (see `findingKey`) of findings a baseline already had: those are `unchanged`, the rest `new`. */
  baseline?: ReadonlySet<string>;
};

/**
 * A file inside `cwd` becomes a relative URI under `%SRCROOT%` (what code scanning maps onto the
 * repository); any other file an absolute `file://` URI. Either way a valid SARIF artifact location.
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith("..") && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function helpText(
  title: string,
  rationale: string | undefined,
  remediation: string | undefined,
  references: readonly string[],
) {
  const refs = references.length ? `\n\nReferences:\n${references.map((r) => `- ${r}`).join("\n")}` : "";
  return {
    text: `${rationale ?? title}\n\nHow to fix: ${remediation ?? "see the check's references."}${refs}`,
    markdown: `${rationale ?? title}\n\n**How to fix:** ${remediation ?? "see the check's references."}${refs}`,
  };
}

/** SARIF 2.1.0 for code-scanning tools; locations come from the manifest file and line. */
export function formatSarif(report: ScanReport, options: SarifOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const rules = report.checks.map((c) => {
    const check = ALL_CHECKS.find((x) => x.id === c.id);
    const severity = c.severity as Severity;
    const helpUri = c.references
      .map((r) => /^https:\/\/\S+/.exec(r)?.[0])
      .find((u) => u !== undefined && URL.canParse(u));
    return {
      id: c.id,
      name: c.id.replace(/(^|[.-])([a-z])/g, (_m: string, _sep: string, ch: string) => ch.toUpperCase()),
      shortDescription: { text: c.title },
      fullDescription: { text: check?.rationale ?? c.title },
      ...(helpUri ? { helpUri } : {}),
      help: helpText(c.title, check?.rationale, check?.remediation, c.references),
      defaultConfiguration: { level: LEVEL[severity] },
      properties: {
        tags: ["security", "kubernetes", c.layer],
        "security-severity": SECURITY_SEVERITY[severity],
        references: c.references,
      },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => ({
    ruleId: f.checkId,
    ruleIndex: ruleIndex.get(f.checkId),
    level: LEVEL[f.severity],
    message: {
      text: `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}: ${f.message}`,
    },
    locations: f.resource.source
      ? [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(f.resource.source.file, cwd),
              region: { startLine: f.resource.source.line },
            },
          },
        ]
      : [],
    ...(options.baseline ? { baselineState: options.baseline.has(findingKey(f)) ? "unchanged" : "new" } : {}),
    properties: { severity: f.severity, ...(f.container ? { container: f.container } : {}) },
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: report.tool.informationUri,
            rules,
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
