import type { Finding } from "@/lib/checks/types";
import type { ResourceRef } from "@/lib/inventory/types";

import { addFailing, relevant } from "./evaluate-framework";
import type { Control, ControlStatus } from "./types";

type StoredFinding = Pick<Finding, "checkId" | "resource" | "message">;
export type Restatused = { status: ControlStatus; failing: { resource: ResourceRef; checks: string[] }[] };

/**
 * A stored automated control's status again under the accepted risks in force now, from its
 * snapshot's findings of the checks that snapshot evaluated: as `evaluateControl` judged it,
 * with what it could not evaluate (its stored reason) unchanged. Manual and not-applicable
 * controls are returned as stored.
 */
export function restatusControl(
  control: Control,
  stored: { status: ControlStatus; reason: string | null },
  findings: readonly StoredFinding[],
  isSuppressed: (f: Pick<Finding, "checkId" | "resource">) => boolean,
): Restatused | undefined {
  const { judged } = control;
  if (judged.by !== "automated" || stored.status === "manual" || stored.status === "not-applicable") return undefined;
  const failing = new Map<string, { resource: ResourceRef; checks: string[] }>();
  const mine = findings.filter((f) => judged.checks.includes(f.checkId));
  for (const f of relevant(mine, judged.only)) if (!isSuppressed(f)) addFailing(failing, f);
  if (failing.size) return { status: "fail", failing: [...failing.values()] };
  // A reason stays: some mapped check was not evaluated, or there was nothing to evaluate.
  return { status: stored.reason ? "not-evaluated" : "pass", failing: [] };
}
