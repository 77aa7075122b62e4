"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { SeverityPoint } from "@/lib/contracts/reports";
import { formatUtcDay } from "@/lib/format-date";

/** Open critical and high findings, day by day. */
export function SeverityTrendChart({ points }: { points: SeverityPoint[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={`Open critical and high findings over ${points.length} days`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={formatUtcDay} fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip labelFormatter={(v) => formatUtcDay(String(v))} />
          <Legend />
          <Line
            type="linear"
            dataKey="critical"
            name="Critical"
            stroke="#991b1b"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="high"
            name="High"
            stroke="#ea580c"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
