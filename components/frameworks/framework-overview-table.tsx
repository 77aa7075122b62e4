import Link from "next/link";

import { Sparkline } from "@/components/scores/sparkline";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FrameworkClusterOverview } from "@/lib/contracts/frameworks";
import { formatUtcDay } from "@/lib/format-date";
import type { Framework } from "@/lib/frameworks/types";

/** A cluster no completed snapshot speaks for, and why. */
type Unscanned = { clusterId: string; clusterName: string; why: string };

const pct = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

/** A trend read aloud: each run of days with the same share once ("3 Oct–9 Oct 48%, 10 Oct 52%"). */
function describeTrend(points: { day: string; share: string }[]): string {
  const runs: { from: string; to: string; share: string }[] = [];
  for (const p of points) {
    const last = runs.at(-1);
    if (last?.share === p.share) last.to = p.day;
    else runs.push({ from: p.day, to: p.day, share: p.share });
  }
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.share}`).join(", ");
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
    <div className="space-y-6">
      {frameworks.map((f) => {
        const clusters = rows.filter((r) => r.frameworkId === f.id);
        return (
          <Card key={f.id} aria-labelledby={`fw-${f.id}`}>
            <h2 id={`fw-${f.id}`} className="text-base font-semibold">
              <Link
                href={`/frameworks/${f.id}`}
                className="hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                {f.title}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-600">{f.edition}</span>
            </h2>
            <Table className="mt-3">
              <THead>
                <tr>
                  <Th scope="col">Cluster</Th>
                  <Th scope="col">Automated passing</Th>
                  <Th scope="col">Failing</Th>
                  <Th scope="col">Not evaluated</Th>
                  <Th scope="col">Manual attested</Th>
                  <Th scope="col">Trend</Th>
                  <th scope="col" className="py-1">
                    Snapshot
                  </th>
                </tr>
              </THead>
              <tbody>
                {clusters.map((r) => {
                  const s = r.latest.summary;
                  return (
                    <Tr ruled key={r.clusterId}>
                      <th scope="row" className="py-1.5 pr-3 font-medium">
                        <Link href={`/frameworks/${f.id}?cluster=${r.clusterId}`} className="hover:underline">
                          {r.clusterName}
                        </Link>
                      </th>
                      <Td>{`${pct(s.share)} (${s.pass} of ${s.automated})`}</Td>
                      <Td>
                        {s.fail ? (
                          <Link
                            href={`/frameworks/${f.id}?status=fail&cluster=${r.clusterId}`}
                            className="text-red-800 underline"
                          >
                            {s.fail}
                          </Link>
                        ) : (
                          0
                        )}
                      </Td>
                      <Td>{s.notEvaluated}</Td>
                      <Td>{`${s.manualAttested} of ${s.manual}`}</Td>
                      <Td>
                        <Sparkline
                          points={r.trend.map((p) => (p.summary.share ?? 0) * 100)}
                          scale="Share passing"
                          unit="%"
                          label={`${f.title} share passing on ${r.clusterName}: ${describeTrend(r.trend.map((p) => ({ day: day(p.takenAt), share: pct(p.summary.share) })))}`}
                        />
                      </Td>
                      <td className="py-1.5 text-slate-600">{`#${r.latest.seq}, ${day(r.latest.takenAt)}`}</td>
                    </Tr>
                  );
                })}
                {unscanned.map((u) => (
                  <Tr key={u.clusterId} ruled>
                    <th scope="row" className="py-1.5 pr-3 font-medium">
                      <Link href={`/clusters/${u.clusterId}`} className="hover:underline">
                        {u.clusterName}
                      </Link>
                    </th>
                    <td colSpan={6} className="py-1.5 text-slate-700">{`No completed scan: ${u.why}`}</td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            {clusters.length === 0 && unscanned.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No completed snapshot has statuses for this framework yet.</p>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
