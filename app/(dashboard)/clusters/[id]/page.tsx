import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/api/page-caller";
import { hasRole } from "@/lib/api/roles";
import { SnapshotHistory } from "@/components/clusters/snapshot-history";
import { PageHeader } from "@/components/layout/page-header";
import { ClusterScorecard } from "@/components/scores/cluster-scorecard";
import { GradeBadge } from "@/components/scores/grade-badge";
import type { ClusterDetail } from "@/lib/api/schemas/cluster-detail";
import { ScoreTrendChart } from "@/components/scores/score-trend-chart";
import { getClusterDetail } from "@/lib/db/clusters/get-cluster-detail";
import { listScoreTrend } from "@/lib/db/clusters/list-score-trend";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string): Promise<ClusterDetail> {
  try {
    return await getClusterDetail(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { posture } = await load((await params).id);
  return { title: `Cluster ${posture.name}` };
}

const RANGES = [7, 30, 90, 365] as const;

export default async function ClusterPage({ params, searchParams }: Props & { searchParams: Promise<{ days?: string }> }) {
  const { id } = await params;
  const canScan = hasRole((await requirePageCaller()).role, "analyst");
  const requested = Number((await searchParams).days);
  const days = (RANGES as readonly number[]).includes(requested) ? requested : 365;
  const detail = await load(id);
  const trend = await listScoreTrend(id, days);
  return (
    <>
      <PageHeader title={`Cluster ${detail.posture.name}`} description="Latest grades per layer, recent snapshots, weakest namespaces and what could not be collected." />
      <ClusterScorecard posture={detail.posture} canScan={canScan} />
      <section aria-labelledby="trend" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="trend" className="text-base font-semibold">Score trend, last {days} days</h2>
          <nav aria-label="Trend range" className="flex gap-1 text-xs">
            {RANGES.map((r) => (
              <Link key={r} href={`/clusters/${id}?days=${r}`} aria-current={r === days ? "true" : undefined} className={r === days ? "rounded bg-sky-700 px-2 py-1 text-white" : "rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50"}>
                {r} days
              </Link>
            ))}
          </nav>
        </div>
        <ScoreTrendChart points={trend} />
      </section>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="history" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="history" className="mb-2 text-base font-semibold">Snapshots</h2>
          <SnapshotHistory rows={detail.history} />
        </section>
        <section aria-labelledby="namespaces" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="namespaces" className="mb-2 text-base font-semibold">Weakest namespaces</h2>
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
        </section>
      </div>
      <section aria-labelledby="warnings" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="warnings" className="mb-2 text-base font-semibold">What the latest scan could not collect</h2>
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
      </section>
    </>
  );
}
