import type { CheckSummary } from "@/lib/api/schemas/checks";
import { ALL_CHECKS } from "./registry";

/** The catalog as plain data (no evaluate functions), for the API and the CLI. */
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
