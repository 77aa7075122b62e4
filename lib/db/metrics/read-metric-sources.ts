import { getPrisma } from "../client";

export type MetricSources = {
  openFindings: { cluster: string; severity: string; count: number }[];
  scans: { cluster: string; status: string; count: number }[];
  lastScan: { cluster: string; status: string; seconds: number; finishedAt: Date }[];
};

/** The raw figures behind /api/metrics, three grouped queries whatever the number of clusters. */
export async function readMetricSources(): Promise<MetricSources> {
  const prisma = getPrisma();
  const [openFindings, scans, lastScan] = await Promise.all([
    prisma.$queryRaw<MetricSources["openFindings"]>`
      SELECT c.name AS cluster, t.severity, t.count
      FROM (SELECT "clusterId", severity::text AS severity, count(*)::int AS count
              FROM finding WHERE "lastSeq" IS NULL GROUP BY "clusterId", severity) t
      JOIN cluster c ON c.id = t."clusterId"`,
    prisma.$queryRaw<MetricSources["scans"]>`
      SELECT c.name AS cluster, s.status::text AS status, count(*)::int AS count
      FROM snapshot s JOIN cluster c ON c.id = s."clusterId" GROUP BY c.name, s.status`,
    prisma.$queryRaw<MetricSources["lastScan"]>`
      SELECT DISTINCT ON (s."clusterId") c.name AS cluster, s.status::text AS status,
             extract(epoch FROM s."finishedAt" - s."startedAt")::float8 AS seconds, s."finishedAt"
      FROM snapshot s JOIN cluster c ON c.id = s."clusterId"
      WHERE s."finishedAt" IS NOT NULL ORDER BY s."clusterId", s.seq DESC`,
  ]);
  return { openFindings, scans, lastScan };
}
