import { CIS_KUBERNETES } from "./cis-kubernetes";
import { NSA_CISA } from "./nsa-cisa";
import { PSS_BASELINE, PSS_RESTRICTED } from "./pss";
import type { Framework } from "./types";

/** Every framework Bulwark reports against, in display order. */
export const ALL_FRAMEWORKS: readonly Framework[] = [CIS_KUBERNETES, NSA_CISA, PSS_BASELINE, PSS_RESTRICTED];

export const FRAMEWORK_IDS = ALL_FRAMEWORKS.map((f) => f.id);

export function getFramework(id: string): Framework | undefined {
  return ALL_FRAMEWORKS.find((f) => f.id === id);
}

/**
 * Checks that no framework control asks for, with why. Any other check must be mapped by some
 * framework (tested), so a new check is either mapped or listed here on purpose.
 */
export const UNMAPPED_CHECKS: Readonly<Record<string, string>> = {
  "node.not-ready": "node health, not a hardening control",
  "pod.no-disruption-budget": "availability, not a hardening control",
  "pod.probes-missing": "availability, not a hardening control",
  "pod.readiness-probe-missing": "availability, not a hardening control",
  "pod.probes-identical": "availability, not a hardening control",
  "pod.disruption-budget-misconfigured": "availability, not a hardening control",
  "container.image-pull-policy":
    "an image-freshness practice no framework control names (CIS 1.2.11 asks for the AlwaysPullImages admission plugin instead)",
};
