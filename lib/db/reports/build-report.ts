import type { Report, ReportQuery } from "@/lib/api/schemas/reports";
import type { TrendPoint } from "@/lib/api/schemas/trend";
import { getPrisma } from "../client";
import { getPool } from "../pool";

const SEVERITIES = ["critical", "high", "medium", "low"];

/**
 * A manager's report over chosen clusters and period, from stored scores and finding
 * lifetimes: no snapshot is re-read. Daily points use each cluster's last completed snapshot
 * of the day; fleet figures average scores and add up counts across the clusters.
 */
export async function buildReport(query: ReportQuery, now = new Date()): Promise<Report> {
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const all = await getPrisma().cluster.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  const clusters = query.clusters.length ? all.filter((c) => query.clusters.includes(c.id)) : all;
  const ids = clusters.map((c) => c.id);
  const pool = getPool();
  const daily = `SELECT DISTINCT ON (s."clusterId", date_trunc('day', s."startedAt")) s.id, s."clusterId", date_trunc('day', s."startedAt") AS day
                 FROM snapshot s WHERE s."clusterId" = ANY($1) AND s."startedAt" >= $2 AND s.status IN ('succeeded', 'partial')
                 ORDER BY s."clusterId", date_trunc('day', s."startedAt"), s.seq DESC`;
  const [trendRows, weekly, criticalHigh, resolveTimes, worst, open] = await Promise.all([
    pool.query<{ day: string; layer: string | null; score: number | null }>(
      `WITH d AS (${daily}) SELECT to_char(d.day, 'YYYY-MM-DD') AS day, l.layer::text AS layer, avg(l.score)::float8 AS score
       FROM d JOIN layer_score l ON l."snapshotId" = d.id AND l.current GROUP BY d.day, l.layer ORDER BY d.day`,
      [ids, since],
    ),
    pool.query<{ week: string; opened: number; resolved: number }>(
      `WITH w AS (SELECT generate_series(date_trunc('week', $2::timestamp), date_trunc('week', $3::timestamp), interval '1 week') AS week)
       SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
         (SELECT count(*)::int FROM finding f WHERE f."clusterId" = ANY($1) AND f."firstSeenAt" >= w.week AND f."firstSeenAt" < w.week + interval '1 week' AND f."firstSeq" > 1) AS opened,
         (SELECT count(*)::int FROM finding f WHERE f."clusterId" = ANY($1) AND f."resolvedAt" >= w.week AND f."resolvedAt" < w.week + interval '1 week') AS resolved
       FROM w ORDER BY w.week`,
      [ids, since, now],
    ),
    pool.query<{ day: string; critical: number; high: number }>(
      `WITH d AS (${daily}) SELECT to_char(d.day, 'YYYY-MM-DD') AS day, sum(l.critical)::int AS critical, sum(l.high)::int AS high
       FROM d JOIN layer_score l ON l."snapshotId" = d.id AND l.current AND l.layer IS NULL GROUP BY d.day ORDER BY d.day`,
      [ids, since],
    ),
    pool.query<{ severity: string; resolved: number; meanHours: number | null }>(
      `SELECT f.severity::text AS severity, count(*)::int AS resolved, avg(extract(epoch FROM f."resolvedAt" - f."firstSeenAt") / 3600)::float8 AS "meanHours"
       FROM finding f WHERE f."clusterId" = ANY($1) AND f."resolvedAt" >= $2 GROUP BY f.severity`,
      [ids, since],
    ),
    pool.query<{ cluster: string; namespace: string; score: number | null; grade: string | null; failed: number }>(
      `WITH latest AS (SELECT DISTINCT ON ("clusterId") id, "clusterId" FROM snapshot WHERE "clusterId" = ANY($1) AND status IN ('succeeded', 'partial') ORDER BY "clusterId", seq DESC)
       SELECT c.name AS cluster, n.namespace, n.score, n.grade, n.failed FROM latest JOIN namespace_score n ON n."snapshotId" = latest.id
       JOIN cluster c ON c.id = latest."clusterId" WHERE n.score IS NOT NULL ORDER BY n.score ASC, n.failed DESC LIMIT 5`,
      [ids],
    ),
    pool.query<{ severity: string; n: number }>(
      `SELECT severity::text, count(*)::int AS n FROM finding WHERE "clusterId" = ANY($1) AND "lastSeq" IS NULL GROUP BY severity`,
      [ids],
    ),
  ]);
  const points = new Map<string, TrendPoint>();
  for (const r of trendRows.rows) {
    const p = points.get(r.day) ?? { takenAt: `${r.day}T00:00:00.000Z`, overall: null, node: null, network: null, secrets: null, pod: null, container: null };
    p[(r.layer ?? "overall") as keyof Omit<TrendPoint, "takenAt">] = r.score === null ? null : Math.round(r.score * 10) / 10;
    points.set(r.day, p);
  }
  const times = new Map(resolveTimes.rows.map((r) => [r.severity, r]));
  return {
    clusters,
    days: query.days,
    since: since.toISOString(),
    trend: [...points.values()],
    weekly: weekly.rows,
    criticalHigh: criticalHigh.rows,
    resolveTimes: SEVERITIES.map((s) => times.get(s) ?? { severity: s, resolved: 0, meanHours: null }),
    worstNamespaces: worst.rows,
    openBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, open.rows.find((r) => r.severity === s)?.n ?? 0])),
  };
}
