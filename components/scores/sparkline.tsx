/** A small server-rendered trend line (no JavaScript): scores 0–100 left to right. */
export function Sparkline({ points, label }: { points: number[]; label: string }) {
  if (points.length < 2) return null;
  const w = 120;
  const h = 28;
  const path = points.map((p, i) => `${((i / (points.length - 1)) * w).toFixed(1)},${(h - (p / 100) * h).toFixed(1)}`).join(" ");
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="overflow-visible">
      <polyline points={path} fill="none" stroke="#0369a1" strokeWidth={1.5} />
    </svg>
  );
}
