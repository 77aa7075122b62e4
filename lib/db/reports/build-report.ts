import type { Report, ReportQuery } from "@/lib/contracts/reports";
import type { TrendPoint } from "@/lib/contracts/trend";

import { listClusterNames } from "../clusters/list-clusters";
import { getPool } from "../pool";

const SEVERITIES = ["critical", "high", "medium", "low"];

async function firstScans(ids: string[]): Promise<(Date | null)[]> {
  const { rows } = await getPool().query<{ at: Date | null }>(
    `SELECT min("startedAt") AS at FROM snapshot WHERE "clusterId" = ANY($1) AND status IN ('succeeded', 'partial') GROUP BY "clusterId"`,
    [ids],
  );
  return rows.map((r) => r.at);
}

type Ends = {
  id: string;
  name: string;
  firstAt: Date | null;
  baseline: number | null;
  startScore: number | null;
  startCH: number | null;
  startCoverage: number | null;
  endScore: number | null;
  endCH: number | null;
  endCoverage: number | null;
};

/** Each cluster's first completed scan, and its overall figures at the start and at the end of the period. */
async function clusterEnds(ids: string[], since: Date): Promise<Ends[]> {
  const at = (
    cond: string,
  ) => `(SELECT json_build_object('score', l.score, 'ch', l.critical + l.high, 'coverage', l.coverage) FROM snapshot s JOIN layer_score l ON l."snapshotId" = s.id AND l.current AND l.layer IS NULL
      WHERE s."clusterId" = c.id AND s.status IN ('succeeded', 'partial') ${cond} ORDER BY s.seq DESC LIMIT 1)`;
  const { rows } = await getPool().query<{
    id: string;
    name: string;
    firstAt: Date | null;
    baseline: number | null;
    start: { score: number | null; ch: number; coverage: number } | null;
    end: { score: number | null; ch: number; coverage: number } | null;
  }>(
    `SELECT c.id, c.name, f."startedAt" AS "firstAt", f."findingCount" AS baseline, ${at(`AND s."startedAt" <= $2`)} AS start, ${at("")} AS "end"
     FROM cluster c LEFT JOIN LATERAL (SELECT "startedAt", "findingCount" FROM snapshot WHERE "clusterId" = c.id AND status IN ('succeeded', 'partial') ORDER BY seq LIMIT 1) f ON true
     WHERE c.id = ANY($1) ORDER BY c.name`,
    [ids, since],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    firstAt: r.firstAt,
    baseline: r.baseline,
    startScore: r.start?.score ?? null,
    startCH: r.start?.ch ?? null,
    startCoverage: r.start?.coverage ?? null,
    endScore: r.end?.score ?? null,
    endCH: r.end?.ch ?? null,
    endCoverage: r.end?.coverage ?? null,
  }));
}

/**
 * A manager's report over chosen clusters and period, from stored scores and the per-scan
 * counts of opened and resolved findings (finding_rollup): no snapshot or finding is re-read. Fleet figures compare like with like: only the clusters
 * with a completed scan at both ends of the period (from its start, or from the first scan of
 * any of them if that came later), each day taking each one's latest
 * completed snapshot up to that day (so a cluster joining never makes the curve jump); the
 * clusters that joined are listed apart with their baseline. The "open now" tiles are the
 * charts' last day. Weekly new excludes each cluster's baseline scan.
 */
export async function buildReport(query: ReportQuery, now = new Date()): Promise<Report> {
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const all = await listClusterNames();
  const clusters = query.clusters.length ? all.filter((c) => query.clusters.includes(c.id)) : all;
  const ids = clusters.map((c) => c.id);
  // The comparison starts at the period's start, or when the first of the clusters was first scanned if later.
  const firsts = (await firstScans(ids)).filter((t): t is Date => t !== null);
  const from = new Date(Math.max(since.getTime(), Math.min(...firsts.map((t) => t.getTime()), now.getTime())));
  const ends = await clusterEnds(ids, from);
  const compared = ends.filter((e) => e.startCH !== null).map((e) => e.id);
  const pool = getPool();
  // Each compared cluster's latest completed snapshot as of the end of each day of the period (a cluster's
  // scans start in seq order, so the latest started is the latest; one probe of snapshot_completed_at each).
  const daily = `SELECT d.day, s.id FROM generate_series(date_trunc('day', $2::timestamptz), date_trunc('day', $3::timestamptz), interval '1 day') AS d(day)
                 CROSS JOIN unnest($1::text[]) AS c(id)
                 CROSS JOIN LATERAL (SELECT id FROM snapshot WHERE "clusterId" = c.id AND status IN ('succeeded', 'partial') AND "startedAt" < d.day + interval '1 day' ORDER BY "startedAt" DESC LIMIT 1) s`;
  // One statement for the score curve and the open-by-severity curve: each day's snapshots are probed once.
  const [dailyRows, weekly, resolveTimes, worst] = await Promise.all([
    pool.query<{
      day: string;
      layer: string | null;
      score: number | null;
      critical: number;
      high: number;
      medium: number;
      low: number;
    }>(
      `WITH d AS (${daily}) SELECT to_char(d.day, 'YYYY-MM-DD') AS day, l.layer::text AS layer, avg(l.score)::float8 AS score,
              sum(l.critical)::int AS critical, sum(l.high)::int AS high, sum(l.medium)::int AS medium, sum(l.low)::int AS low
       FROM d JOIN layer_score l ON l."snapshotId" = d.id AND l.current GROUP BY d.day, l.layer ORDER BY d.day`,
      [compared, from, now],
    ),
    pool.query<{ week: string; opened: number; resolved: number }>(
      `WITH w AS (SELECT generate_series(date_trunc('week', $2::timestamp), date_trunc('week', $3::timestamp), interval '1 week') AS week),
            r AS (SELECT date_trunc('week', at) AS week, sum(opened)::int AS opened, sum(resolved)::int AS resolved FROM finding_rollup
                  WHERE "clusterId" = ANY($1) AND at >= date_trunc('week', $2::timestamp) GROUP BY 1)
       SELECT to_char(w.week, 'YYYY-MM-DD') AS week, coalesce(r.opened, 0) AS opened, coalesce(r.resolved, 0) AS resolved
       FROM w LEFT JOIN r ON r.week = w.week ORDER BY w.week`,
      [compared, from, now],
    ),
    pool.query<{ severity: string; resolved: number; meanHours: number | null }>(
      `SELECT severity::text AS severity, sum(resolved)::int AS resolved, (sum("resolvedHours") / sum(resolved))::float8 AS "meanHours"
       FROM finding_rollup WHERE "clusterId" = ANY($1) AND at >= $2 GROUP BY severity HAVING sum(resolved) > 0`,
      [ids, since],
    ),
    pool.query<{ cluster: string; namespace: string; score: number | null; grade: string | null; failed: number }>(
      `SELECT c.name AS cluster, n.namespace, n.score, n.grade, n.failed FROM cluster c
       CROSS JOIN LATERAL (SELECT id FROM snapshot WHERE "clusterId" = c.id AND status IN ('succeeded', 'partial') ORDER BY seq DESC LIMIT 1) latest
       JOIN namespace_score n ON n."snapshotId" = latest.id
       WHERE c.id = ANY($1) AND n.score IS NOT NULL ORDER BY n.score ASC, n.failed DESC LIMIT 5`,
      [ids],
    ),
  ]);
  const criticalHigh = dailyRows.rows.filter((r) => r.layer === null);
  const lastDay = criticalHigh.at(-1);
  const points = new Map<string, TrendPoint>();
  for (const r of dailyRows.rows) {
    const p = points.get(r.day) ?? {
      takenAt: `${r.day}T00:00:00.000Z`,
      overall: null,
      node: null,
      network: null,
      secrets: null,
      pod: null,
      container: null,
    };
    p[(r.layer ?? "overall") as keyof Omit<TrendPoint, "takenAt">] =
      r.score === null ? null : Math.round(r.score * 10) / 10;
    points.set(r.day, p);
  }
  const times = new Map(resolveTimes.rows.map((r) => [r.severity, r]));
  return {
    clusters,
    days: query.days,
    since: since.toISOString(),
    trend: [...points.values()],
    weekly: weekly.rows,
    criticalHigh: criticalHigh.map(({ day, critical, high }) => ({ day, critical, high })),
    resolveTimes: SEVERITIES.map((s) => times.get(s) ?? { severity: s, resolved: 0, meanHours: null }),
    worstNamespaces: worst.rows,
    openBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, lastDay?.[s as "critical"] ?? 0])),
    compared,
    comparedFrom: from.toISOString(),
    perCluster: ends.map((e) => {
      const joinedAt = e.firstAt && e.firstAt > from ? e.firstAt.toISOString() : null;
      return {
        id: e.id,
        name: e.name,
        joinedAt,
        baseline: joinedAt ? e.baseline : null,
        start:
          e.startCH === null ? null : { score: e.startScore, criticalHigh: e.startCH, coverage: e.startCoverage ?? 0 },
        end: e.endCH === null ? null : { score: e.endScore, criticalHigh: e.endCH, coverage: e.endCoverage ?? 0 },
      };
    }),
  };
}
