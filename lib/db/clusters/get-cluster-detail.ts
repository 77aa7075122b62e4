import type { ClusterDetail } from "@/lib/contracts/cluster-detail";

import { getPrisma } from "../client";
import { getClusterPostureOrThrow } from "./list-cluster-posture";

/** A cluster's latest grades, its recent snapshots with overall scores, its weakest namespaces and the latest warnings. */
export async function getClusterDetail(id: string): Promise<ClusterDetail> {
  const posture = await getClusterPostureOrThrow(id);
  const prisma = getPrisma();
  const snapshots = await prisma.snapshot.findMany({
    where: { clusterId: id },
    orderBy: { seq: "desc" },
    take: 20,
    select: {
      id: true,
      seq: true,
      startedAt: true,
      status: true,
      trigger: true,
      findingCount: true,
      newCount: true,
      resolvedCount: true,
      warnings: true,
      notEvaluated: true,
      layerScores: { where: { layer: null, current: true }, select: { score: true, grade: true } },
    },
  });
  const worst = posture.snapshotId
    ? await prisma.namespaceScore.findMany({
        where: { snapshotId: posture.snapshotId },
        orderBy: [{ score: "asc" }, { namespace: "asc" }],
        take: 10,
        select: { namespace: true, score: true, grade: true, failed: true },
      })
    : [];
  const latestCompleted = snapshots.find((s) => s.id === posture.snapshotId);
  return {
    posture,
    history: snapshots.map((s) => ({
      id: s.id,
      seq: s.seq,
      startedAt: s.startedAt.toISOString(),
      status: s.status,
      trigger: s.trigger,
      findingCount: s.findingCount,
      newCount: s.newCount,
      resolvedCount: s.resolvedCount,
      overall: s.layerScores[0]?.score ?? null,
      grade: s.layerScores[0]?.grade ?? null,
    })),
    worstNamespaces: worst,
    warnings: (latestCompleted?.warnings as ClusterDetail["warnings"] | undefined) ?? [],
    notEvaluated: (latestCompleted?.notEvaluated as ClusterDetail["notEvaluated"] | undefined) ?? [],
  };
}
