import { checkStanding } from "@/lib/checks/check-standing";
import { ALL_CHECKS } from "@/lib/checks/registry";
import type { CheckSettings } from "@/lib/checks/settings";
import { LAYERS } from "@/lib/checks/types";
import type { CheckStanding } from "@/lib/contracts/checks";

import { CheckCatalogList } from "./check-catalog-list";

export const NO_STANDING: CheckStanding = {
  failing: { count: 0, clusters: [] },
  unjudged: { notEvaluated: 0, notApplicable: 0, clusters: [] },
};

/**
 * The check catalog by layer, a line per check: its severity here, where it stands across the
 * fleet, and a link to its page (what it looks for, why, how to fix it, and every cluster it
 * fails or could not judge). A fleet-sized list stays a page of a few dozen KB.
 */
export function CheckCatalog({
  standings,
  scannedClusters,
  settings,
}: {
  /** Per check, its counts of failing and unjudged clusters. */
  standings: Map<string, CheckStanding>;
  scannedClusters: number;
  settings: CheckSettings;
}) {
  return (
    <CheckCatalogList
      layers={LAYERS.map((layer) => ({
        layer,
        checks: ALL_CHECKS.filter((c) => c.layer === layer).map((c) => {
          const { failing, unjudged } = standings.get(c.id) ?? NO_STANDING;
          const override = settings.severityOverrides[c.id];
          const disabled = settings.disabledChecks.includes(c.id);
          return {
            id: c.id,
            title: c.title,
            severity: override ?? c.severity,
            defaultSeverity: override ? c.severity : null,
            disabled,
            standing: disabled ? "not run" : checkStanding(failing.count, unjudged, scannedClusters),
          };
        }),
      }))}
    />
  );
}
