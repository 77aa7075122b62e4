import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { checkStanding } from "@/lib/checks/check-standing";
import { ALL_CHECKS } from "@/lib/checks/registry";
import type { CheckSettings } from "@/lib/checks/settings";
import { LAYERS } from "@/lib/checks/types";
import type { CheckStanding } from "@/lib/contracts/checks";

import { RemediationText } from "./remediation-text";
import { SeverityBadge } from "./severity-badge";

/**
 * Clusters named per check and list (those failing with the most resources first); the rest are counted
 * (a fleet of hundreds stays readable).
 * Their links are plain anchors: hundreds of them are not worth a client-side link each.
 */
export const CATALOG_LISTED = 3;

const NO_STANDING: CheckStanding = {
  failing: { count: 0, clusters: [] },
  unjudged: { notEvaluated: 0, notApplicable: 0, clusters: [] },
};

/** The check catalog by layer: what each check looks for, why, how to fix it, and its references. */
export function CheckCatalog({
  standings,
  scannedClusters,
  settings,
}: {
  /** Per check, the clusters failing it and those whose latest completed scan could not judge it (the first CATALOG_LISTED named). */
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
                  const unknownCount = unjudged.notEvaluated + unjudged.notApplicable;
                  return (
                    <li key={c.id}>
                      <details className="group px-4 py-3">
                        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-3">
                          <SeverityBadge severity={settings.severityOverrides[c.id] ?? c.severity} />
                          <span className="font-medium text-slate-900">{c.title}</span>
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
                        </summary>
                        <div className="mt-3 space-y-3 pl-1">
                          <p className="text-sm text-slate-700">{c.rationale}</p>
                          <div>
                            <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">Remediation</h3>
                            <RemediationText text={c.remediation} />
                          </div>
                          <p className="text-xs text-slate-500">References: {c.references.join(" · ")}</p>
                          {unknownCount ? (
                            <p className="text-sm text-slate-700">
                              {unjudged.clusters.map((u, i) => (
                                <span key={u.clusterId}>
                                  {i ? " · " : ""}
                                  <a className="text-sky-800 underline" href={`/clusters/${u.clusterId}`}>
                                    {u.clusterName}
                                  </a>
                                  {u.status === "not-evaluated"
                                    ? ": not evaluated (see why on the cluster page)"
                                    : ": not applicable"}
                                </span>
                              ))}
                              {unknownCount > unjudged.clusters.length
                                ? ` · and ${unknownCount - unjudged.clusters.length} more clusters`
                                : null}
                            </p>
                          ) : null}
                          {failing.count ? (
                            <p className="text-sm text-slate-700">
                              Failing now:{" "}
                              {failing.clusters.map((f, i) => (
                                <span key={f.clusterId}>
                                  {i ? " · " : ""}
                                  <a
                                    className="text-sky-800 underline"
                                    href={`/findings?cluster=${f.clusterId}&check=${encodeURIComponent(c.id)}`}
                                  >
                                    {f.clusterName}
                                  </a>{" "}
                                  ({f.open} open finding{f.open === 1 ? "" : "s"})
                                </span>
                              ))}
                              {failing.count > failing.clusters.length ? (
                                <>
                                  {" · "}
                                  <a
                                    className="text-sky-800 underline"
                                    href={`/findings?check=${encodeURIComponent(c.id)}`}
                                  >
                                    {`and ${failing.count - failing.clusters.length} more clusters: every open finding`}
                                  </a>
                                </>
                              ) : null}
                            </p>
                          ) : null}
                        </div>
                      </details>
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
