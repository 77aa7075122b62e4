"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/api/schemas/trend";
import { formatUtcDay } from "@/lib/format-date";

const SERIES = [
  { key: "overall", label: "Overall", color: "#0f172a", width: 3 },
  { key: "node", label: "Node", color: "#0369a1", width: 1.5 },
  { key: "network", label: "Network", color: "#7c3aed", width: 1.5 },
  { key: "secrets", label: "Secrets", color: "#b45309", width: 1.5 },
  { key: "pod", label: "Pod", color: "#047857", width: 1.5 },
  { key: "container", label: "Container", color: "#be123c", width: 1.5 },
] as const;


/** Score per layer over time; the table beside it carries the same numbers for screen readers. */
export function ScoreTrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={`Score trend over ${points.length} snapshots`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="takenAt" tickFormatter={formatUtcDay} fontSize={12} />
          <YAxis domain={[0, 100]} fontSize={12} width={36} />
          <Tooltip labelFormatter={(v) => new Date(String(v)).toUTCString()} formatter={(v) => (typeof v === "number" ? v.toFixed(1) : "n/a")} />
          <Legend />
          {SERIES.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={s.width} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
