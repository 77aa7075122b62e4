"use client";

import Link from "next/link";

import { ScanStatus } from "@/components/clusters/scan-status";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { scorecardLink } from "@/lib/api/scorecard-links";
import type { ClusterPosture, OverallHistory } from "@/lib/contracts/scores";
import { formatUtc } from "@/lib/format-date";

import { GradeBadge } from "./grade-badge";
import { Sparkline } from "./sparkline";

/** "83% evaluated" when some checks could not be (a missing permission, an API the cluster lacks). */
const coverageText = (coverage: number) => `${Math.floor(coverage * 100)}% of checks evaluated`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The latest scan failed: why, since when, and what to do; the scores below are from the last completed scan. */
function ScanFailure({ posture }: { posture: ClusterPosture }) {
  const f = posture.failure;
  if (!f) return null;
  return (
    <Notice as="div" role="alert" data-testid="scan-failure" tone="danger" className="mt-3 border border-red-300">
      <p className="font-semibold">Latest scan failed: {f.error}</p>
      <p className="mt-1">
        {f.failedScans === 1
          ? `Failed at ${formatUtc(f.at)} UTC`
          : `${plural(f.failedScans, "scan")} failed since ${formatUtc(f.since)} UTC`}
        {" · "}
        <Link href={`/snapshots/${f.snapshotId}`} className="underline">
          snapshot #{f.seq}
        </Link>
      </p>
      <p className="mt-1">
        What to do: check that the cluster&apos;s API server is reachable from Bulwark and its credentials are still
        valid (Settings → Clusters → Test connection), then scan again.{" "}
        {posture.snapshotId
          ? "The scores below are from the last completed scan and may be out of date."
          : "Until a scan completes there are no scores."}
      </p>
    </Notice>
  );
}

/**
 * Coverage under 100%, linked to what could not be evaluated and the permission that fixes it.
 * Under 90% the score has no grade: it reads "incomplete".
 */
function Coverage({
  clusterId,
  summary,
  testId,
}: {
  clusterId: string;
  summary: ClusterPosture["scores"][number];
  testId: string;
}) {
  if (summary.score === null || summary.coverage >= 1) return null;
  const incomplete = summary.grade === null;
  return (
    <span className="text-xs text-amber-800" data-testid={testId}>
      <Link
        href={`/clusters/${clusterId}#not-evaluated`}
        className={incomplete ? "font-medium underline" : "underline"}
      >
        {incomplete ? "incomplete · " : ""}
        {coverageText(summary.coverage)}
      </Link>
    </span>
  );
}

function WeekChange({ current, weekAgo }: { current: number | null; weekAgo: number | null }) {
  if (current === null || weekAgo === null) return <p className="text-xs text-slate-500">no score a week ago</p>;
  const d = current - weekAgo;
  return (
    <p
      className={`text-xs ${d > 0 ? "text-emerald-700" : d < 0 ? "text-red-700" : "text-slate-500"}`}
      data-testid="week-change"
    >
      {d === 0 ? "no change" : `${d > 0 ? "▲ +" : "▼ "}${d.toFixed(1)}`} since a week ago
    </p>
  );
}

/** One cluster's overall grade and its five layer grades from the latest completed scan. */
export function ClusterScorecard({
  posture,
  canScan,
  history,
}: {
  posture: ClusterPosture;
  canScan: boolean;
  history?: OverallHistory;
}) {
  const [overall, ...layers] = posture.scores;
  return (
    <Card as="article" aria-labelledby={`cluster-${posture.clusterId}`} className="p-5 shadow-sm">
      <header className="flex items-start justify-between gap-4">
        <div>
          <h2 id={`cluster-${posture.clusterId}`} className="text-lg font-semibold text-slate-900">
            <Link
              href={`/clusters/${posture.clusterId}`}
              className="hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              {posture.name}
            </Link>
            {posture.isDemo ? (
              <Badge className="ml-2 bg-sky-100 align-middle font-medium text-sky-800">demo</Badge>
            ) : null}
          </h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="last-completed">
            {posture.takenAt
              ? `Last completed scan #${posture.snapshotSeq} · ${formatUtc(posture.takenAt)} UTC`
              : "No completed scan yet"}
          </p>
          <div className="mt-2">
            <ScanStatus clusterId={posture.clusterId} runningSnapshotId={posture.runningSnapshotId} canScan={canScan} />
          </div>
        </div>
        {overall ? (
          <div className="text-right">
            <GradeBadge grade={overall.grade} score={overall.score} size="lg" />
            <p className="mt-1 text-xs text-slate-500">
              {overall.score === null ? "n/a" : `${overall.score.toFixed(1)} overall`}
            </p>
            {history ? <WeekChange current={overall.score} weekAgo={history.weekAgo} /> : null}
            {history ? (
              <Sparkline
                points={history.points.map((p) => p.score)}
                label={`Overall score over the last 30 days: ${history.points.map((p) => p.score.toFixed(0)).join(", ")}`}
              />
            ) : null}
            <p>
              <Coverage clusterId={posture.clusterId} summary={overall} testId="coverage" />
            </p>
            {overall.suppressed > 0 ? (
              <p className="text-xs text-amber-800">
                <Link
                  href={scorecardLink(posture.clusterId, null, "suppressed")}
                  className="underline"
                  data-testid="suppressed-count"
                >
                  {plural(overall.suppressed, "finding")} under an accepted risk
                </Link>
                , counted as passing
              </p>
            ) : null}
          </div>
        ) : null}
      </header>
      <ScanFailure posture={posture} />
      {layers.length ? (
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {layers.map((l) => (
            <div key={l.layer} className="rounded-md bg-slate-50 p-3 text-center">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
                <Link
                  href={scorecardLink(posture.clusterId, l.layer, "open")}
                  className="hover:underline"
                  aria-label={`${l.layer}: open findings`}
                >
                  {l.layer}
                </Link>
              </dt>
              <dd className="mt-2 flex flex-col items-center gap-1">
                <GradeBadge grade={l.grade} score={l.score} />
                {l.score === null ? (
                  <span className="text-xs text-slate-600">nothing to evaluate</span>
                ) : (
                  <span className="text-xs text-slate-600">{l.score.toFixed(1)}</span>
                )}
                <Coverage clusterId={posture.clusterId} summary={l} testId={`coverage-${l.layer}`} />
                <Link
                  href={scorecardLink(posture.clusterId, l.layer, "open")}
                  className="text-xs text-slate-700 underline"
                  data-testid={`count-${l.layer}-open`}
                >
                  {plural(l.failed, "open finding")}
                </Link>
                {l.critical > 0 ? (
                  <Link
                    href={scorecardLink(posture.clusterId, l.layer, "critical")}
                    className="text-xs font-medium text-red-700 underline"
                    data-testid={`count-${l.layer}-critical`}
                  >
                    {l.critical} critical
                  </Link>
                ) : null}
                {l.high > 0 ? (
                  <Link
                    href={scorecardLink(posture.clusterId, l.layer, "high")}
                    className="text-xs font-medium text-red-700 underline"
                    data-testid={`count-${l.layer}-high`}
                  >
                    {l.high} high
                  </Link>
                ) : null}
                {l.suppressed > 0 ? (
                  <Link
                    href={scorecardLink(posture.clusterId, l.layer, "suppressed")}
                    className="text-xs text-amber-800 underline"
                    data-testid={`count-${l.layer}-suppressed`}
                  >
                    {l.suppressed} under an accepted risk
                  </Link>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </Card>
  );
}
