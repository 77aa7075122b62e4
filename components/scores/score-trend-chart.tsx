"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatUtc, formatUtcDay } from "@/lib/format-date";

import type { TrendColumns } from "./trend-columns";

const SERIES = [
  { key: "overall", label: "Overall", color: "#0f172a", width: 3 },
  { key: "node", label: "Node", color: "#0369a1", width: 1.5 },
  { key: "network", label: "Network", color: "#7c3aed", width: 1.5 },
  { key: "secrets", label: "Secrets", color: "#b45309", width: 1.5 },
  { key: "pod", label: "Pod", color: "#047857", width: 1.5 },
  { key: "container", label: "Container", color: "#be123c", width: 1.5 },
] as const;

/** Score per layer over time, drawn as steps: a score holds from one snapshot (or re-score) until the next. */
export function ScoreTrendChart({ columns }: { columns: TrendColumns }) {
  if (columns.t.length === 0)
    return (
      <p className="py-8 text-center text-sm text-slate-600" data-testid="trend-empty">
        No completed scan in this period: nothing to draw.
      </p>
    );
  const data = columns.t.map((t, i) => ({
    t,
    ...Object.fromEntries(SERIES.map((s) => [s.key, columns[s.key][i]])),
  }));
  const span = data[data.length - 1]!.t - data[0]!.t;
  // Within a few days, ticks need the time too, or a week's axis reads "1 Dec … 1 Dec".
  const tick = (t: number) =>
    span < 3 * 86_400_000 ? formatUtc(new Date(t).toISOString()) : formatUtcDay(new Date(t).toISOString());
  return (
    <div className="h-72 w-full" role="img" aria-label={`Score trend over ${columns.t.length} snapshots and re-scores`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={tick}
            fontSize={12}
          />
          <YAxis domain={[0, 100]} fontSize={12} width={36} />
          <Tooltip
            labelFormatter={(v) => `${formatUtc(new Date(Number(v)).toISOString())} UTC`}
            formatter={(v) => (typeof v === "number" ? v.toFixed(1) : "n/a")}
          />
          <Legend />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="stepAfter"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={s.width}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
