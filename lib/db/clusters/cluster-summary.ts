import type { ClusterSummary } from "@/lib/contracts/clusters";

import { getPool } from "../pool";
import { isoUtc as iso } from "../sql-fragments";

/**
 * Each cluster with its newest snapshot (running or ended), found by one index probe per
 * cluster in the same statement: never every snapshot of the fleet read to keep one each.
 */
const SUMMARY_SQL = `
  SELECT c.id, c.name, c.source::text AS source, c.enabled, c."isDemo", c."scheduleMinutes",
         last.id AS "lastSnapshotId", ${iso('last."startedAt"')} AS "lastScanAt", last.status::text AS "lastStatus"
  FROM cluster c
  LEFT JOIN LATERAL (SELECT id, "startedAt", status FROM snapshot WHERE "clusterId" = c.id ORDER BY seq DESC LIMIT 1) last ON true
  WHERE $1::text IS NULL OR c.id = $1
  ORDER BY c.name`;

/** The summaries of one cluster (`id`) or of every cluster (`null`), by name. */
export async function querySummaries(id: string | null): Promise<ClusterSummary[]> {
  const { rows } = await getPool().query<ClusterSummary>(SUMMARY_SQL, [id]);
  return rows;
}
