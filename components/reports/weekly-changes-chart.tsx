"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { WeeklyChange } from "@/lib/contracts/reports";
import { formatUtcDay } from "@/lib/format-date";

/** Findings opened and resolved per week. */
export function WeeklyChangesChart({ weeks }: { weeks: WeeklyChange[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={`New and resolved findings over ${weeks.length} weeks`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="week" tickFormatter={formatUtcDay} fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip labelFormatter={(v) => `Week of ${formatUtcDay(String(v))}`} />
          <Legend />
          <Bar dataKey="opened" name="New" fill="#be123c" isAnimationActive={false} />
          <Bar dataKey="resolved" name="Resolved" fill="#047857" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
