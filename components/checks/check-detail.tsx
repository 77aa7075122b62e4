import { Card, CardTitle } from "@/components/ui/card";
import type { Check } from "@/lib/checks/types";
import type { CheckStanding } from "@/lib/contracts/checks";

import { RemediationText } from "./remediation-text";

/**
 * One check's page body: why it matters, how to fix it, its references, and every cluster where it
 * fails now (each linked to its open findings) or that its latest completed scan could not judge.
 * The cluster lists are plain links: a fleet's worth is not worth a client-side link each.
 */
export function CheckDetail({ check, standing }: { check: Check; standing: CheckStanding }) {
  const { failing, unjudged } = standing;
  return (
    <div className="space-y-6">
      <Card className="space-y-3">
        <p className="text-sm text-slate-700">{check.rationale}</p>
        <div>
          <h2 className="mb-1 text-xs font-semibold uppercase text-slate-500">Remediation</h2>
          <RemediationText text={check.remediation} />
        </div>
        <p className="text-xs text-slate-500">References: {check.references.join(" · ")}</p>
      </Card>
      <Card aria-labelledby="failing-now" className="text-sm">
        <CardTitle id="failing-now">{`Failing now (${failing.count} cluster${failing.count === 1 ? "" : "s"})`}</CardTitle>
        {failing.count ? (
          <>
            <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {failing.clusters.map((f) => (
                <li key={f.clusterId}>
                  <a
                    className="text-sky-800 underline"
                    href={`/findings?cluster=${f.clusterId}&check=${encodeURIComponent(check.id)}`}
                  >
                    {f.clusterName}
                  </a>{" "}
                  ({f.open} open finding{f.open === 1 ? "" : "s"})
                </li>
              ))}
            </ul>
            <p className="mt-2">
              <a className="text-sky-800 underline" href={`/findings?check=${encodeURIComponent(check.id)}`}>
                Every open finding of this check
              </a>
            </p>
          </>
        ) : (
          <p className="text-slate-600">No cluster fails it now.</p>
        )}
      </Card>
      {unjudged.clusters.length ? (
        <Card aria-labelledby="unjudged" className="text-sm">
          <CardTitle id="unjudged">Not judged by the latest completed scan</CardTitle>
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {unjudged.clusters.map((u) => (
              <li key={u.clusterId}>
                <a className="text-sky-800 underline" href={`/clusters/${u.clusterId}`}>
                  {u.clusterName}
                </a>
                {u.status === "not-evaluated" ? ": not evaluated (see why on the cluster page)" : ": not applicable"}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
