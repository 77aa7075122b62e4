import type { ClusterDetail, SnapshotRow } from "@/lib/contracts/cluster-detail";

import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";
import { getClusterPostureOrThrow } from "./list-cluster-posture";

/** Snapshots listed on a cluster's page, newest first. */
const HISTORY = 20;

/**
 * A cluster's latest grades, its recent snapshots with overall scores, its weakest namespaces and
 * the latest completed scan's warnings and unevaluated checks: the posture, then three statements
 * at once (the warnings read of that one scan, not of every listed one).
 */
export async function getClusterDetail(id: string): Promise<ClusterDetail> {
  const posture = await getClusterPostureOrThrow(id);
  const pool = getPool();
  const [history, worst, latest] = await Promise.all([
    pool.query<SnapshotRow>(
      `SELECT s.id, s.seq, ${isoUtc(`s."startedAt"`)} AS "startedAt", s.status, s.trigger, s."findingCount",
              s."newCount", s."resolvedCount", l.score AS overall, l.grade
         FROM snapshot s LEFT JOIN layer_score l ON l."snapshotId" = s.id AND l.layer IS NULL AND l.current
        WHERE s."clusterId" = $1 ORDER BY s.seq DESC LIMIT ${HISTORY}`,
      [id],
    ),
    pool.query<ClusterDetail["worstNamespaces"][number]>(
      `SELECT namespace, score, grade, failed FROM namespace_score WHERE "snapshotId" = $1
        ORDER BY score ASC NULLS LAST, namespace ASC LIMIT 10`,
      [posture.snapshotId],
    ),
    pool.query<Pick<ClusterDetail, "warnings" | "notEvaluated">>(
      `SELECT warnings, "notEvaluated" FROM snapshot WHERE id = $1`,
      [posture.snapshotId],
    ),
  ]);
  return {
    posture,
    history: history.rows,
    worstNamespaces: worst.rows,
    warnings: latest.rows[0]?.warnings ?? [],
    notEvaluated: latest.rows[0]?.notEvaluated ?? [],
  };
}
