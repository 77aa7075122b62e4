import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { checkStanding } from "@/lib/checks/check-standing";
import { ALL_CHECKS } from "@/lib/checks/registry";
import type { CheckSettings } from "@/lib/checks/settings";
import { LAYERS } from "@/lib/checks/types";
import type { CheckStanding } from "@/lib/contracts/checks";

import { SeverityBadge } from "./severity-badge";

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
    <div className="space-y-8">
      {LAYERS.map((layer) => {
        const checks = ALL_CHECKS.filter((c) => c.layer === layer);
        return (
          <section key={layer} aria-labelledby={`layer-${layer}`}>
            <h2 id={`layer-${layer}`} className="mb-3 text-lg font-semibold text-slate-900">
              <span className="capitalize">{layer}</span> layer{" "}
              <span className="text-sm font-normal text-slate-500">({checks.length} checks)</span>
            </h2>
            {checks.length === 0 ? (
              <p className="text-sm text-slate-600">No checks for this layer in this build.</p>
            ) : (
              <Card as="ul" className="divide-y divide-slate-200 p-0">
                {checks.map((c) => {
                  const { failing, unjudged } = standings.get(c.id) ?? NO_STANDING;
                  return (
                    <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                      <SeverityBadge severity={settings.severityOverrides[c.id] ?? c.severity} />
                      <Link href={`/checks/${c.id}`} className="font-medium text-slate-900 hover:underline">
                        {c.title}
                      </Link>
                      {settings.disabledChecks.includes(c.id) ? (
                        <Badge className="bg-slate-200 px-1.5 py-0 font-normal text-slate-700">
                          switched off in settings
                        </Badge>
                      ) : null}
                      {settings.severityOverrides[c.id] ? (
                        <span className="text-xs text-slate-500">(default {c.severity})</span>
                      ) : null}
                      <span className="ml-auto text-xs text-slate-600" data-testid={`failing-${c.id}`}>
                        {settings.disabledChecks.includes(c.id)
                          ? "not run"
                          : checkStanding(failing.count, unjudged, scannedClusters)}
                      </span>
                      <code className="break-all font-mono text-xs text-slate-500">{c.id}</code>
                    </li>
                  );
                })}
              </Card>
            )}
          </section>
        );
      })}
    </div>
  );
}
