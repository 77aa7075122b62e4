import Link from "next/link";
import type { ClusterPosture } from "@/lib/api/schemas/scores";
import { formatUtc } from "@/lib/format-date";
import { ScanStatus } from "@/components/clusters/scan-status";
import type { OverallHistory } from "@/lib/api/schemas/scores";
import { GradeBadge } from "./grade-badge";
import { Sparkline } from "./sparkline";

/** "83% evaluated" when some checks could not be (a missing permission, an API the cluster lacks). */
const coverageText = (coverage: number) => `${Math.floor(coverage * 100)}% of checks evaluated`;

function WeekChange({ current, weekAgo }: { current: number | null; weekAgo: number | null }) {
  if (current === null || weekAgo === null) return <p className="text-xs text-slate-500">no score a week ago</p>;
  const d = current - weekAgo;
  return <p className={`text-xs ${d > 0 ? "text-emerald-700" : d < 0 ? "text-red-700" : "text-slate-500"}`} data-testid="week-change">{d > 0 ? "▲ +" : d < 0 ? "▼ " : "± "}{d.toFixed(1)} since a week ago</p>;
}


/** One cluster's overall grade and its five layer grades from the latest completed scan. */
export function ClusterScorecard({ posture, canScan, history }: { posture: ClusterPosture; canScan: boolean; history?: OverallHistory }) {
  const [overall, ...layers] = posture.scores;
  return (
    <article aria-labelledby={`cluster-${posture.clusterId}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <header className="flex items-start justify-between gap-4">
        <div>
          <h2 id={`cluster-${posture.clusterId}`} className="text-lg font-semibold text-slate-900">
            <Link href={`/clusters/${posture.clusterId}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-sky-600">
              {posture.name}
            </Link>
            {posture.isDemo ? <span className="ml-2 rounded bg-sky-100 px-2 py-0.5 align-middle text-xs font-medium text-sky-800">demo</span> : null}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {posture.takenAt ? `Last completed scan ${formatUtc(posture.takenAt)} UTC` : "No completed scan yet"}
            {posture.status === "failed" ? " · last scan failed" : ""}
          </p>
          <div className="mt-2">
            <ScanStatus clusterId={posture.clusterId} runningSnapshotId={posture.runningSnapshotId} canScan={canScan} />
          </div>
        </div>
        {overall ? (
          <div className="text-right">
            <GradeBadge grade={overall.grade} score={overall.score} size="lg" />
            <p className="mt-1 text-xs text-slate-500">{overall.score === null ? "n/a" : `${overall.score.toFixed(1)} overall`}</p>
            {history ? <WeekChange current={overall.score} weekAgo={history.weekAgo} /> : null}
            {history ? <Sparkline points={history.points.map((p) => p.score)} label={`Overall score over the last 30 days: ${history.points.map((p) => p.score.toFixed(0)).join(", ")}`} /> : null}
            {overall.coverage < 1 ? (
              <p className="text-xs text-amber-800" data-testid="coverage">
                <Link href={`/clusters/${posture.clusterId}#not-evaluated`} className="underline">{coverageText(overall.coverage)}</Link>
              </p>
            ) : null}
            {overall.suppressed > 0 ? <p className="text-xs text-amber-800" data-testid="suppressed-count">{overall.suppressed} accepted risk{overall.suppressed === 1 ? "" : "s"} counted as passing</p> : null}
          </div>
        ) : null}
      </header>
      {layers.length ? (
        <dl className="mt-4 grid grid-cols-5 gap-3">
          {layers.map((l) => (
            <div key={l.layer} className="rounded-md bg-slate-50 p-3 text-center">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
                <Link href={`/findings?cluster=${posture.clusterId}&layer=${l.layer}`} className="hover:underline" aria-label={`${l.layer}: failing checks`}>{l.layer}</Link>
              </dt>
              <dd className="mt-2 flex flex-col items-center gap-1">
                <GradeBadge grade={l.grade} score={l.score} />
                <span className="text-xs text-slate-600">{l.score === null ? "not evaluated" : `${l.score.toFixed(1)} · ${l.failed} failing`}</span>
                {l.score !== null && l.coverage < 1 ? <span className="text-xs text-amber-800">{coverageText(l.coverage)}</span> : null}
                {l.suppressed > 0 ? <span className="text-xs text-amber-800">{l.suppressed} accepted</span> : null}
                {l.critical + l.high > 0 ? <span className="text-xs font-medium text-red-700">{l.critical} critical, {l.high} high</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </article>
  );
}
