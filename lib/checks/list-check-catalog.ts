import { ALL_CHECKS } from "./registry";
import type { Layer, Severity } from "./types";

/** One check of the catalog as plain data (no evaluate functions): what the API and the CLI list. */
export type CheckSummary = {
  id: string;
  layer: Layer;
  severity: Severity;
  title: string;
  rationale: string;
  remediation: string;
  references: string[];
};

/** The catalog as plain data, for the API and the CLI. */
export function listCheckCatalog(): CheckSummary[] {
  return ALL_CHECKS.map(({ id, layer, severity, title, rationale, remediation, references }) => ({
    id,
    layer,
    severity,
    title,
    rationale,
    remediation,
    references: [...references],
  }));
}
