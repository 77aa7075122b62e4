import { CLUSTERS_VERSION } from "../memo-by-version";
import { getPool } from "../pool";

export type MetricSources = {
  openFindings: { cluster: string; severity: string; count: number }[];
  scans: { cluster: string; status: string; count: number }[];
  lastScan: { cluster: string; status: string; seconds: number; finishedAt: Date }[];
};

/** The raw figures behind /api/metrics, three grouped queries over stored rows whatever the number of clusters. */
export async function readMetricSources(): Promise<MetricSources> {
  const pool = getPool();
  const [openFindings, scans, lastScan] = await Promise.all([
    // From each cluster's failing checks (written with every scan's findings), not by counting millions of open rows.
    pool.query<MetricSources["openFindings"][number]>(`
      SELECT c.name AS cluster, t.severity, t.count
      FROM (SELECT fc."clusterId", v.severity, sum(v.n)::int AS count
              FROM failing_check fc
              CROSS JOIN LATERAL (VALUES ('critical', fc.critical), ('high', fc.high), ('medium', fc.medium), ('low', fc.low)) v(severity, n)
             GROUP BY fc."clusterId", v.severity HAVING sum(v.n) > 0) t
      JOIN cluster c ON c.id = t."clusterId"`),
    pool.query<MetricSources["scans"][number]>(`
      SELECT c.name AS cluster, t.status::text AS status, t.count
      FROM (SELECT "clusterId", status, count(*)::int AS count FROM snapshot GROUP BY "clusterId", status) t
      JOIN cluster c ON c.id = t."clusterId"`),
    // Times as epoch milliseconds: a timestamp column read by pg would be taken as the host's local time.
    pool.query<Omit<MetricSources["lastScan"][number], "finishedAt"> & { finishedMs: number }>(`
      SELECT c.name AS cluster, s.status::text AS status,
             extract(epoch FROM s."finishedAt" - s."startedAt")::float8 AS seconds,
             (extract(epoch FROM s."finishedAt") * 1000)::float8 AS "finishedMs"
      FROM cluster c
      CROSS JOIN LATERAL (SELECT status, "startedAt", "finishedAt" FROM snapshot
                           WHERE "clusterId" = c.id AND "finishedAt" IS NOT NULL ORDER BY seq DESC LIMIT 1) s`),
  ]);
  return {
    openFindings: openFindings.rows,
    scans: scans.rows,
    lastScan: lastScan.rows.map(({ finishedMs, ...r }) => ({ ...r, finishedAt: new Date(finishedMs) })),
  };
}

/**
 * What the figures behind /api/metrics depend on, as one value that changes with them: the newest
 * score row (scans completing, re-scores), the clusters, and the scans by count and how many run
 * (a scan starting, failing or being removed).
 */
export const METRICS_VERSION = `concat_ws(':', (SELECT max(id) FROM layer_score), (${CLUSTERS_VERSION}),
  (SELECT count(*) FROM snapshot), (SELECT count(*) FROM snapshot WHERE status = 'running'))`;
