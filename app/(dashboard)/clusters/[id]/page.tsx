import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { SeverityBadge } from "@/components/checks/severity-badge";
import { SnapshotHistory } from "@/components/clusters/snapshot-history";
import { PageHeader } from "@/components/layout/page-header";
import { ClusterScorecard } from "@/components/scores/cluster-scorecard";
import { GradeBadge } from "@/components/scores/grade-badge";
import { NotEvaluatedList } from "@/components/scores/not-evaluated-list";
import { ScoreTrendChart } from "@/components/scores/score-trend-chart";
import { toTrendColumns } from "@/components/scores/trend-columns";
import { Card, CardTitle } from "@/components/ui/card";
import { ToggleLink } from "@/components/ui/toggle-link";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import type { Severity } from "@/lib/checks/types";
import type { ClusterDetail } from "@/lib/contracts/cluster-detail";
import { getClusterDetail } from "@/lib/db/clusters/get-cluster-detail";
import { getClusterMovement } from "@/lib/db/clusters/get-cluster-movement";
import { listScoreTrend } from "@/lib/db/clusters/list-score-trend";
import { AppError } from "@/lib/errors";
import { formatUtc } from "@/lib/format-date";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Read once per request: the page's title and its body ask for the same cluster. */
const load = cache(async (id: string): Promise<ClusterDetail> => {
  try {
    return await getClusterDetail(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { posture } = await load((await params).id);
  return { title: `Cluster ${posture.name}` };
}

const RANGES = [7, 30, 90, 365] as const;

/** Statements about coverage and collection name the scan they describe, or say there is none. */
function LatestCompleted({ posture, children }: { posture: ClusterDetail["posture"]; children: React.ReactNode }) {
  if (!posture.snapshotId || !posture.takenAt)
    return (
      <p className="text-sm text-slate-600" data-testid="no-completed-scan">
        No completed scan yet: nothing has been evaluated or collected.
      </p>
    );
  return (
    <>
      <p className="mb-2 text-xs text-slate-500">
        From the latest completed scan,{" "}
        <Link className="underline" href={`/snapshots/${posture.snapshotId}`}>
          snapshot #{posture.snapshotSeq}
        </Link>{" "}
        ({formatUtc(posture.takenAt)} UTC)
        {posture.failure ? `; the scans after it failed` : ""}.
      </p>
      {children}
    </>
  );
}

export default async function ClusterPage({
  params,
  searchParams,
}: Props & { searchParams: Promise<{ days?: string }> }) {
  const { id } = await params;
  const canScan = hasRole((await requirePageCaller()).role, "analyst");
  const requested = Number((await searchParams).days);
  const days = (RANGES as readonly number[]).includes(requested) ? requested : 365;
  const detail = await load(id);
  const [trend, movement] = await Promise.all([listScoreTrend(id, days), getClusterMovement(id)]);
  return (
    <>
      <PageHeader
        title={`Cluster ${detail.posture.name}`}
        description="Latest grades per layer, recent snapshots, weakest namespaces and what could not be collected."
      />
      <ClusterScorecard posture={detail.posture} canScan={canScan} />
      <Card aria-labelledby="trend" className="mt-6">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="trend" className="text-base font-semibold">
            Score trend, last {days} days
          </h2>
          <nav aria-label="Trend range" className="flex gap-1 text-xs">
            {RANGES.map((r) => (
              <ToggleLink
                key={r}
                href={`/clusters/${id}?days=${r}`}
                current={r === days}
                className={r === days ? undefined : "text-slate-700 hover:bg-slate-50"}
              >
                {r} days
              </ToggleLink>
            ))}
          </nav>
        </div>
        <ScoreTrendChart columns={toTrendColumns(trend)} />
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="history" className="min-w-0 lg:col-span-2">
          <CardTitle id="history">Snapshots</CardTitle>
          <SnapshotHistory rows={detail.history} />
        </Card>
        <Card aria-labelledby="namespaces" className="min-w-0">
          <CardTitle id="namespaces">Weakest namespaces</CardTitle>
          {detail.worstNamespaces.length === 0 ? (
            <p className="text-sm text-slate-600">No namespace scores yet.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {detail.worstNamespaces.map((n) => (
                <li key={n.namespace} className="flex items-center justify-between gap-2">
                  <span className="truncate font-mono">{n.namespace}</span>
                  <span className="flex items-center gap-2 text-slate-600">
                    {n.failed} failing <GradeBadge grade={n.grade} score={n.score} />
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="moved" className="text-sm">
          <CardTitle id="moved">
            Why the score moved{movement.previousSeq ? ` since snapshot #${movement.previousSeq}` : ""}
          </CardTitle>
          {movement.previousSeq === null ? (
            <p className="text-slate-600">
              {movement.latestSeq === null
                ? "No completed scan yet."
                : "One completed scan so far: nothing to compare with."}
            </p>
          ) : (
            <>
              <p className="mb-2 text-slate-600">
                Snapshot #{movement.latestSeq} ({formatUtc(movement.latestAt!)} UTC, with any accepted risks changed
                since) against #{movement.previousSeq} ({formatUtc(movement.previousAt!)} UTC).
              </p>
              {movement.layers.every((l) => l.current === l.previous) && movement.checks.length === 0 ? (
                <p className="text-slate-700" data-testid="unchanged">
                  Nothing changed: the same findings and the same scores.
                </p>
              ) : (
                <>
                  <p className="mb-2 text-slate-700">
                    {movement.layers
                      .filter((l) => l.current !== l.previous)
                      .map((l, i) => {
                        const d = l.current !== null && l.previous !== null ? l.current - l.previous : null;
                        return (
                          <span key={l.layer}>
                            {i ? " · " : ""}
                            {l.layer}{" "}
                            {d === null ? (
                              `${l.previous?.toFixed(1) ?? "none"} → ${l.current?.toFixed(1) ?? "none"}`
                            ) : (
                              <span className={d > 0 ? "text-emerald-700" : "text-red-700"}>
                                {d > 0 ? "+" : ""}
                                {d.toFixed(1)}
                              </span>
                            )}
                          </span>
                        );
                      })}
                  </p>
                  {movement.checks.length ? (
                    <ul className="space-y-1">
                      {movement.checks.map((c) => (
                        <li key={c.checkId}>
                          <Link
                            className="text-sky-800 underline"
                            href={`/findings?cluster=${id}&check=${encodeURIComponent(c.checkId)}&status=all`}
                          >
                            {c.title}
                          </Link>
                          : {c.opened ? <span className="text-red-700">+{c.opened} new</span> : null}
                          {c.opened && c.resolved ? ", " : null}
                          {c.resolved ? <span className="text-emerald-700">{c.resolved} resolved</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-slate-600">
                      No finding opened or closed between the two snapshots: the change comes from accepted risks that
                      took effect or ended, or from checks that could not be evaluated.
                    </p>
                  )}
                </>
              )}
            </>
          )}
        </Card>
        <Card aria-labelledby="top-failing" className="text-sm">
          <CardTitle id="top-failing">Checks failing most</CardTitle>
          {movement.latestSeq === null ? (
            <p className="text-slate-600">No completed scan yet.</p>
          ) : movement.topFailing.length === 0 ? (
            <p className="text-slate-600">No open findings.</p>
          ) : (
            <ol className="space-y-1">
              {movement.topFailing.map((c) => (
                <li key={c.checkId} className="flex justify-between gap-2">
                  <span>
                    <SeverityBadge severity={c.severity as Severity} />{" "}
                    <Link
                      className="text-sky-800 underline"
                      href={`/findings?cluster=${id}&check=${encodeURIComponent(c.checkId)}`}
                    >
                      {c.title}
                    </Link>
                  </span>
                  <Link
                    className="whitespace-nowrap text-slate-600 underline"
                    href={`/findings?cluster=${id}&check=${encodeURIComponent(c.checkId)}`}
                    data-testid={`count-check-${c.checkId}`}
                  >
                    {c.open} open finding{c.open === 1 ? "" : "s"}
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <Card aria-labelledby="not-evaluated-title" id="not-evaluated" className="mt-6">
        <CardTitle id="not-evaluated-title">Checks that could not be evaluated</CardTitle>
        <LatestCompleted posture={detail.posture}>
          <NotEvaluatedList checks={detail.notEvaluated} coverage={detail.posture.scores[0]?.coverage} />
        </LatestCompleted>
      </Card>
      <Card aria-labelledby="warnings" className="mt-6">
        <CardTitle id="warnings">What the latest completed scan could not collect</CardTitle>
        <LatestCompleted posture={detail.posture}>
          {detail.warnings.length === 0 ? (
            <p className="text-sm text-slate-600">Everything Bulwark reads was collected.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
              {detail.warnings.map((w, i) => (
                <li key={i}>
                  <span className="font-mono">{w.kind}</span>: {w.reason}
                </li>
              ))}
            </ul>
          )}
        </LatestCompleted>
      </Card>
    </>
  );
}
