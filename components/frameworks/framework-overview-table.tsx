import Link from "next/link";
import { Sparkline } from "@/components/scores/sparkline";
import type { FrameworkClusterOverview } from "@/lib/api/schemas/frameworks";

/** A cluster no completed snapshot speaks for, and why. */
type Unscanned = { clusterId: string; clusterName: string; why: string };import { formatUtcDay } from "@/lib/format-date";
import type { Framework } from "@/lib/frameworks/types";

const pct = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

/**
 * Each framework × cluster: the share of automated controls passing, what stands behind it, and
 * its trend; a cluster with no completed scan is listed too, with why, and no figures.
 */
export function FrameworkOverviewTable({ frameworks, rows, unscanned = [] }: { frameworks: readonly Framework[]; rows: FrameworkClusterOverview[]; unscanned?: Unscanned[] }) {
  return (
    <div className="space-y-6">
      {frameworks.map((f) => {
        const clusters = rows.filter((r) => r.frameworkId === f.id);
        return (
          <section key={f.id} aria-labelledby={`fw-${f.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`fw-${f.id}`} className="text-base font-semibold">
              <Link href={`/frameworks/${f.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-sky-600">{f.title}</Link>{" "}
              <span className="text-sm font-normal text-slate-600">{f.edition}</span>
            </h2>
            <table className="mt-3 w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3">Cluster</th>
                  <th scope="col" className="py-1 pr-3">Automated passing</th>
                  <th scope="col" className="py-1 pr-3">Failing</th>
                  <th scope="col" className="py-1 pr-3">Not evaluated</th>
                  <th scope="col" className="py-1 pr-3">Manual attested</th>
                  <th scope="col" className="py-1 pr-3">Trend</th>
                  <th scope="col" className="py-1">Snapshot</th>
                </tr>
              </thead>
              <tbody>
                {clusters.map((r) => {
                  const s = r.latest.summary;
                  return (
                    <tr key={r.clusterId} className="border-t border-slate-100">
                      <th scope="row" className="py-1.5 pr-3 font-medium">
                        <Link href={`/frameworks/${f.id}?cluster=${r.clusterId}`} className="hover:underline">{r.clusterName}</Link>
                      </th>
                      <td className="py-1.5 pr-3">{`${pct(s.share)} (${s.pass} of ${s.automated})`}</td>
                      <td className="py-1.5 pr-3">{s.fail ? <Link href={`/frameworks/${f.id}?status=fail&cluster=${r.clusterId}`} className="text-red-800 underline">{s.fail}</Link> : 0}</td>
                      <td className="py-1.5 pr-3">{s.notEvaluated}</td>
                      <td className="py-1.5 pr-3">{`${s.manualAttested} of ${s.manual}`}</td>
                      <td className="py-1.5 pr-3">
                        <Sparkline points={r.trend.map((p) => (p.summary.share ?? 0) * 100)} scale="Share passing" unit="%" label={`${f.title} share passing on ${r.clusterName}: ${r.trend.map((p) => `${formatUtcDay(p.takenAt)} ${pct(p.summary.share)}`).join(", ")}`} />
                      </td>
                      <td className="py-1.5 text-slate-600">{`#${r.latest.seq}, ${formatUtcDay(r.latest.takenAt)}`}</td>
                    </tr>
                  );
                })}
                {unscanned.map((u) => (
                  <tr key={u.clusterId} className="border-t border-slate-100">
                    <th scope="row" className="py-1.5 pr-3 font-medium">
                      <Link href={`/clusters/${u.clusterId}`} className="hover:underline">{u.clusterName}</Link>
                    </th>
                    <td colSpan={6} className="py-1.5 text-slate-700">{`No completed scan: ${u.why}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {clusters.length === 0 && unscanned.length === 0 ? <p className="mt-2 text-sm text-slate-600">No completed snapshot has statuses for this framework yet.</p> : null}
          </section>
        );
      })}
    </div>
  );
}
