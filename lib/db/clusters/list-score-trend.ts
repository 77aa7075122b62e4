import type { TrendPoint } from "@/lib/contracts/trend";

import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";

/**
 * The stored per-layer scores of a cluster's completed snapshots in the last `days` days, oldest
 * first: one point per snapshot and score revision (a re-scored snapshot is one more point, at the
 * time its accepted risk changed), pivoted in SQL so a year is 365 rows, not 2,190.
 */
export async function listScoreTrend(clusterId: string, days: number): Promise<TrendPoint[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  const layer = (name: string) => `max(score) FILTER (WHERE layer = '${name}')`;
  const { rows } = await getPool().query<TrendPoint>(
    `SELECT ${isoUtc(`min("takenAt")`)} AS "takenAt", max(score) FILTER (WHERE layer IS NULL) AS overall,
            ${layer("node")} AS node, ${layer("network")} AS network, ${layer("secrets")} AS secrets,
            ${layer("pod")} AS pod, ${layer("container")} AS container
       FROM layer_score WHERE "clusterId" = $1 AND "takenAt" >= $2
      GROUP BY "snapshotId", revision ORDER BY min("takenAt"), min(id)`,
    [clusterId, since],
  );
  return rows;
}
