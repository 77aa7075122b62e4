"use client";

import { Table, TBody, THead } from "@/components/ui/table";
import type { ClusterChange } from "@/lib/contracts/reports";
import { formatUtc } from "@/lib/format-date";
import { MIN_GRADED_COVERAGE } from "@/lib/scoring/weights";

/** A cluster's overall score, marked incomplete (as on the overview) when too few checks could be evaluated. */
function overall(end: { score: number | null; coverage: number }): string {
  const score = end.score?.toFixed(1) ?? "n/a";
  return end.coverage < MIN_GRADED_COVERAGE
    ? `${score}, incomplete (${Math.round(end.coverage * 100)}% of checks evaluated)`
    : score;
}

/**
 * Each cluster's overall score and open critical + high findings at the start and end of the
 * period. Drawn from the report's rows, so a fleet's hundred rows travel once, as data.
 */
export function PerClusterTable({ rows }: { rows: ClusterChange[] }) {
  return (
    <Table>
      <THead>
        <tr>
          <th className="py-1">Cluster</th>
          <th>Overall at start</th>
          <th>Overall at end</th>
          <th>Change</th>
          <th>Open critical + high, start → end</th>
        </tr>
      </THead>
      <TBody>
        {rows.map((c) => {
          const change = c.start?.score != null && c.end?.score != null ? c.end.score - c.start.score : null;
          return (
            <tr key={c.id} data-testid={`report-cluster-${c.name}`}>
              <td className="py-1 font-medium">{c.name}</td>
              <td>
                {c.start ? overall(c.start) : c.joinedAt ? `joined ${formatUtc(c.joinedAt)} UTC` : "no completed scan"}
              </td>
              <td>{c.end ? overall(c.end) : "no completed scan"}</td>
              <td className={change === null ? "" : change > 0 ? "text-emerald-700" : change < 0 ? "text-red-700" : ""}>
                {change === null ? "—" : `${change > 0 ? "+" : ""}${change.toFixed(1)}`}
              </td>
              <td>
                {c.start ? c.start.criticalHigh : "—"} → {c.end?.criticalHigh ?? "—"}
                {!c.start && c.joinedAt ? (
                  <span className="block text-xs text-slate-500">
                    joined in the period: its first scan&apos;s {c.baseline ?? 0} findings (all severities) are its
                    baseline, not new
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
