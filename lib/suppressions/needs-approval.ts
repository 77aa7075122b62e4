import { effectiveSeverity } from "@/lib/checks/get-check-title";
import type { CheckSettings } from "@/lib/checks/settings";

/** Critical and high findings need a second person before an exemption takes effect. */
export function needsApproval(checkId: string, settings: CheckSettings): boolean {
  const severity = effectiveSeverity(checkId, settings);
  return severity === "critical" || severity === "high";
}
