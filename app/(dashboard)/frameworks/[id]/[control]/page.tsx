import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AttestationsPanel } from "@/components/frameworks/attestations-panel";
import { ControlClusterStatus } from "@/components/frameworks/control-cluster-status";
import { ControlHistoryTable } from "@/components/frameworks/control-history-table";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardTitle } from "@/components/ui/card";
import { ChooseForm } from "@/components/ui/choose-form";
import { pageParam, Pager } from "@/components/ui/pager";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { getCheckTitle } from "@/lib/checks/get-check-title";
import type { StoredControl } from "@/lib/contracts/frameworks";
import { MAX_SUPPRESSION_DAYS } from "@/lib/contracts/suppressions";
import { listAttestations } from "@/lib/db/frameworks/attestations";
import { listControlHistory, listLatestControls } from "@/lib/db/frameworks/read-control-statuses";
import { listSuppressions } from "@/lib/db/suppressions/list-suppressions";
import { formatUtcDay } from "@/lib/format-date";
import { getFramework } from "@/lib/frameworks/registry";

export const dynamic = "force-dynamic";

/** Clusters' statuses per page: a hundred clusters' cards are read twenty at a time. */
const STATUSES_PAGE_SIZE = 20;

/** The order a control's statuses are listed in: what needs attention first. */
const ATTENTION = ["fail", "not-evaluated", "manual", "manual-attested", "pass", "not-applicable"] as const;
const attention = (s: StoredControl) =>
  s.status === "manual" && s.attested ? "manual-attested" : (s.status as (typeof ATTENTION)[number]);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Props = { params: Promise<{ id: string; control: string }> };

/** The control id from the address; undefined when its %-escapes are malformed (no control has that id). */
function decodeControlId(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

async function load(params: Props["params"]) {
  const { id, control: raw } = await params;
  const framework = getFramework(id);
  const controlId = decodeControlId(raw);
  const control = framework?.controls.find((c) => c.id === controlId);
  if (!framework || !control) notFound();
  return { framework, control };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { framework, control } = await load(params);
  return { title: `${framework.title} ${control.id}` };
}

export default async function ControlPage({
  params,
  searchParams,
}: Props & { searchParams: Promise<{ history?: string; page?: string }> }) {
  const { framework, control } = await load(params);
  const checks = control.judged.by === "automated" ? control.judged.checks : [];
  const caller = await requirePageCaller();
  const [latest, suppressions, attestations] = await Promise.all([
    listLatestControls(framework.id, { controlId: control.id }),
    checks.length ? listSuppressions({ limit: null, offset: 0, checkIds: checks }) : Promise.resolve([]),
    control.judged.by === "manual"
      ? listAttestations({ frameworkId: framework.id, controlId: control.id })
      : Promise.resolve([]),
  ]);
  // The history of one cluster at a time (the one asked for, else the first): runs of scans, so
  // a fleet's two years of daily statuses are never one table.
  const { history: requested, page: pageAsked } = await searchParams;
  const historyOf = latest.find((s) => s.clusterId === requested) ?? latest[0];
  // A fleet's statuses a page at a time, the clusters that need attention first.
  const page = pageParam(pageAsked);
  const shown = latest
    .toSorted((x, y) => ATTENTION.indexOf(attention(x)) - ATTENTION.indexOf(attention(y)))
    .slice((page - 1) * STATUSES_PAGE_SIZE, page * STATUSES_PAGE_SIZE);
  const base = `/frameworks/${framework.id}/${encodeURIComponent(control.id)}`;
  const pageHref = (n: number) => {
    const q = new URLSearchParams();
    if (n > 1) q.set("page", String(n));
    if (requested) q.set("history", requested);
    return q.size ? `${base}?${q}` : base;
  };
  const history = historyOf ? await listControlHistory(framework.id, control.id, historyOf.clusterId) : [];
  // Read for this control's checks only; of those, the ones in force or awaiting approval.
  const accepted = suppressions.filter((s) => s.status === "active" || s.status === "pending");
  return (
    <>
      <PageHeader
        title={`${control.id} ${control.title}`}
        description={
          <>
            <Link href={`/frameworks/${framework.id}`} className="underline">
              {framework.title}
            </Link>
            {` · ${control.section} · ${control.reference}`}
            {control.controlPlane ? " · the provider's on EKS, GKE and AKS" : ""}
          </>
        }
      />
      <Card aria-labelledby="judged">
        <CardTitle id="judged">How it is judged</CardTitle>
        {control.judged.by === "automated" ? (
          <>
            <p className="text-sm text-slate-700">
              Passes when every check below was evaluated and found nothing; fails with the resources any of them finds;
              not evaluated when one could not run.
            </p>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {checks.map((id) => (
                <li key={id}>
                  <span className="font-mono text-xs">{id}</span> {getCheckTitle(id)}
                  {control.judged.by === "automated" && control.judged.only?.check === id ? (
                    <span className="text-slate-600">{` (only findings naming ${control.judged.only.messageIncludes.join(", ")})`}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : control.judged.by === "manual" ? (
          <p className="text-sm text-slate-700">{`Manual. Evidence an auditor needs: ${control.judged.evidence}`}</p>
        ) : (
          <p className="text-sm text-slate-700">{`Not applicable: ${control.judged.reason}`}</p>
        )}
      </Card>
      <h2 className="mb-2 mt-6 text-base font-semibold">Latest status per cluster</h2>
      <Pager
        label="Clusters"
        order="failing first, then by name"
        page={page}
        size={STATUSES_PAGE_SIZE}
        total={latest.length}
        shown={shown.length}
        href={pageHref}
      />
      <div className="space-y-3">
        {latest.length ? (
          shown.map(({ controlId: _c, section: _s, title: _t, frameworkVersion: _v, ...s }) => (
            <ControlClusterStatus key={s.clusterId} status={s} />
          ))
        ) : (
          <p className="text-sm text-slate-600">No completed snapshot has a status for this control yet.</p>
        )}
      </div>
      {checks.length ? (
        <Card aria-labelledby="accepted" className="mt-6">
          <CardTitle id="accepted">Accepted risks on these checks</CardTitle>
          {accepted.length ? (
            <ul className="space-y-1 text-sm">
              {accepted.map((s) => (
                <li
                  key={s.id}
                >{`${s.checkId} on ${s.clusterName ?? "every cluster"}${s.namespace ? ` in ${s.namespace}` : ""}${s.resourcePattern ? ` matching ${s.resourcePattern}` : ""}: ${s.reason} (${s.status}, by ${s.author}${s.approver ? `, approved by ${s.approver}` : ""}, until ${formatUtcDay(s.expiresAt)})`}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">None.</p>
          )}
        </Card>
      ) : null}
      {control.judged.by === "manual" ? (
        <Card aria-labelledby="attestations" className="mt-6">
          <CardTitle id="attestations">Attestations</CardTitle>
          <AttestationsPanel
            frameworkId={framework.id}
            controlId={control.id}
            critical={control.critical === true}
            rows={attestations}
            clusters={latest.map((s) => ({ id: s.clusterId, name: s.clusterName }))}
            me={caller.email}
            canAct={hasRole(caller.role, "analyst")}
            today={day(0)}
            maxDay={day(MAX_SUPPRESSION_DAYS)}
          />
        </Card>
      ) : null}
      <Card aria-labelledby="history" className="mt-6">
        <CardTitle id="history">{historyOf ? `History on ${historyOf.clusterName}` : "History"}</CardTitle>
        {latest.length > 1 ? (
          <ChooseForm
            action={base}
            name="history"
            label="Cluster"
            value={historyOf?.clusterId}
            options={latest.map((s) => ({ value: s.clusterId, label: s.clusterName }))}
            submit="Show its history"
          />
        ) : null}
        {history.length ? (
          <ControlHistoryTable runs={history} />
        ) : (
          <p className="text-sm text-slate-600">No completed snapshot has a status for this control yet.</p>
        )}
      </Card>
    </>
  );
}
