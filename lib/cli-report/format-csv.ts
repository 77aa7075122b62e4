import { stringify } from "csv-stringify/sync";

import { neutralizeFormula } from "@/lib/csv/csv-cell";

import type { ScanReport } from "./build-scan-report";

const HEADER = ["layer", "check_id", "severity", "kind", "namespace", "name", "container", "message", "file", "line"];

/** One row per finding; every cell that came from a manifest or cluster is formula-neutralised. */
export function formatCsv(report: ScanReport): string {
  const rows = report.findings.map((f) =>
    [
      f.layer,
      f.checkId,
      f.severity,
      f.resource.kind,
      f.resource.namespace,
      f.resource.name,
      f.container ?? "",
      f.message,
      f.resource.source?.file ?? "",
      f.resource.source ? String(f.resource.source.line) : "",
    ].map(neutralizeFormula),
  );
  return stringify([HEADER, ...rows]);
}
