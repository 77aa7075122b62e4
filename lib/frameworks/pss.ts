import { PSS_CONTROLS, PSS_VERSION } from "@/lib/checks/pss/pss-standard-controls";

import type { Control, Framework } from "./types";

const PSS_DOC = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

/** One control per Pod Security Standards control of the level, each judged by its own check. */
function pssControls(levels: readonly ("baseline" | "restricted")[]): Control[] {
  return PSS_CONTROLS.filter((c) => levels.includes(c.level)).map((c) => ({
    id: c.id,
    title: c.name,
    section: c.level === "baseline" ? "Baseline" : "Restricted",
    judged: { by: "automated", checks: [`pod.${c.id}`] },
    reference: `Pod Security Standards ${PSS_VERSION}, ${c.level}: ${c.name} (${PSS_DOC})`,
  }));
}

const pss = (id: string, title: string, levels: readonly ("baseline" | "restricted")[]): Framework => ({
  id,
  title,
  version: PSS_VERSION,
  edition: `The Pod Security Standards of Kubernetes ${PSS_VERSION}, as Bulwark evaluates them.`,
  mappingRevision: 1,
  url: PSS_DOC,
  controls: pssControls(levels),
});

export const PSS_BASELINE = pss("pss-baseline", "Pod Security Standards: baseline", ["baseline"]);
/** Restricted includes every baseline control. */
export const PSS_RESTRICTED = pss("pss-restricted", "Pod Security Standards: restricted", ["baseline", "restricted"]);
