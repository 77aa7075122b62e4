import { getPool } from "../pool";

/** A cluster no completed snapshot speaks for: its frameworks have no statuses, and this says why. */
export type UnscannedCluster = { clusterId: string; clusterName: string; why: string };

type Row = {
  clusterId: string;
  clusterName: string;
  status: string | null;
  error: string | null;
  startedAt: Date | null;
};

function why(r: Row): string {
  if (!r.status || !r.startedAt) return "never scanned";
  const when = r.startedAt.toISOString().slice(0, 16).replace("T", " ");
  if (r.status === "running") return `the first scan is running (started ${when} UTC)`;
  return `every scan failed; the latest (${when} UTC): ${r.error ?? "no error recorded"}`;
}

/**
 * Clusters without any completed (succeeded or partial) snapshot, with their latest scan's
 * outcome: listed on the framework pages as "no completed scan", never left out.
 */
export async function listUnscannedClusters(clusterIds?: readonly string[]): Promise<UnscannedCluster[]> {
  const { rows } = await getPool().query<Row>(
    `SELECT c.id AS "clusterId", c.name AS "clusterName", s.status, s.error, s."startedAt"
       FROM cluster c
       LEFT JOIN LATERAL (SELECT status, error, "startedAt" FROM snapshot WHERE "clusterId" = c.id ORDER BY seq DESC LIMIT 1) s ON true
      WHERE ($1::text[] IS NULL OR c.id = ANY($1))
        AND NOT EXISTS (SELECT 1 FROM snapshot d WHERE d."clusterId" = c.id AND d.status IN ('succeeded', 'partial'))
      ORDER BY c.name`,
    [clusterIds ?? null],
  );
  return rows.map((r) => ({ clusterId: r.clusterId, clusterName: r.clusterName, why: why(r) }));
}
