import type { FrameworkClusterOverview } from "@/lib/contracts/frameworks";
import { formatUtcDay } from "@/lib/format-date";
import type { Framework } from "@/lib/frameworks/types";

import { FrameworkOverviewCards } from "./framework-overview-cards";

/** A cluster no completed snapshot speaks for, and why. */
type Unscanned = { clusterId: string; clusterName: string; why: string };

const pct = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

/** Up to this many runs of equal shares are read out one by one; a busier trend is summarised. */
const RUNS_READ_OUT = 6;

/**
 * A trend read aloud: each run of days with the same share once ("3 Oct–9 Oct 48%, 10 Oct 52%"),
 * or, when it moved more often than that, where it started and ended and its range.
 */
function describeTrend(points: { day: string; share: number | null }[]): string {
  const runs: { from: string; to: string; share: string }[] = [];
  for (const p of points) {
    const last = runs.at(-1);
    if (last?.share === pct(p.share)) last.to = p.day;
    else runs.push({ from: p.day, to: p.day, share: pct(p.share) });
  }
  if (runs.length <= RUNS_READ_OUT)
    return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.share}`).join(", ");
  const shares = points.flatMap((p) => (p.share === null ? [] : [p.share]));
  const [first, last] = [runs[0]!, runs.at(-1)!];
  return `${first.share} on ${first.from}, ${last.share} on ${last.to}; over ${points.length} scans between ${pct(Math.min(...shares))} and ${pct(Math.max(...shares))}`;
}

/**
 * Each framework × cluster: the share of automated controls passing, what stands behind it, and
 * its trend; a cluster with no completed scan is listed too, with why, and no figures.
 */
export function FrameworkOverviewTable({
  frameworks,
  rows,
  unscanned = [],
}: {
  frameworks: readonly Framework[];
  rows: FrameworkClusterOverview[];
  unscanned?: Unscanned[];
}) {
  // A cluster's snapshots recur under every framework: each day is formatted once per page.
  const days = new Map<string, string>();
  const day = (iso: string) => days.get(iso) ?? days.set(iso, formatUtcDay(iso)).get(iso)!;
  return (
    <FrameworkOverviewCards
      frameworks={frameworks.map((f) => ({
        id: f.id,
        title: f.title,
        edition: f.edition,
        unscanned,
        rows: rows
          .filter((r) => r.frameworkId === f.id)
          .map((r) => {
            const s = r.latest.summary;
            return {
              clusterId: r.clusterId,
              clusterName: r.clusterName,
              passing: `${pct(s.share)} (${s.pass} of ${s.automated})`,
              fail: s.fail,
              notEvaluated: s.notEvaluated,
              manualAttested: `${s.manualAttested} of ${s.manual}`,
              // Three decimals of a percentage keep every rounding the sparkline prints (fewer than 1,000 controls).
              trend: r.trend.map((p) => Math.round((p.summary.share ?? 0) * 100_000) / 1000),
              trendLabel: `${f.title} share passing on ${r.clusterName}: ${describeTrend(r.trend.map((p) => ({ day: day(p.takenAt), share: p.summary.share })))}`,
              snapshot: `#${r.latest.seq}, ${day(r.latest.takenAt)}`,
            };
          }),
      }))}
    />
  );
}
