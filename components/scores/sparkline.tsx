/**
 * A small server-rendered trend line (no JavaScript): scores 0–100 left to right. With `scale`,
 * the lowest and highest values are printed beside it and the range is in its title, so the line
 * can be read without guessing its axis.
 */
export function Sparkline({
  points,
  label,
  scale,
  unit = "",
}: {
  points: number[];
  label: string;
  scale?: string;
  unit?: string;
}) {
  if (points.length < 2) return null;
  const w = 120;
  const h = 28;
  const path = points
    .map((p, i) => `${((i / (points.length - 1)) * w).toFixed(1)},${(h - (p / 100) * h).toFixed(1)}`)
    .join(" ");
  const line = (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="overflow-visible">
      {scale ? (
        <title>{`${scale}: lowest ${Math.round(Math.min(...points))}${unit}, highest ${Math.round(Math.max(...points))}${unit}`}</title>
      ) : null}
      <polyline points={path} fill="none" stroke="#0369a1" strokeWidth={1.5} />
    </svg>
  );
  if (!scale) return line;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
      {line}
      <span aria-hidden="true">{`${Math.round(Math.min(...points))}–${Math.round(Math.max(...points))}${unit}`}</span>
    </span>
  );
}
