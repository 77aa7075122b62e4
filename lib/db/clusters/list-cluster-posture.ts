import type { ClusterPosture } from "@/lib/api/schemas/scores";
import { LAYERS } from "@/lib/checks/types";
import { getPrisma } from "../client";

/** Every cluster with the scores of its latest completed snapshot (and the latest scan's status). */
export async function listClusterPosture(): Promise<ClusterPosture[]> {
  const clusters = await getPrisma().cluster.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      isDemo: true,
      snapshots: { orderBy: { seq: "desc" }, take: 1, select: { status: true } },
    },
  });
  return Promise.all(
    clusters.map(async (c) => {
      const latest = await getPrisma().snapshot.findFirst({
        where: { clusterId: c.id, status: { in: ["succeeded", "partial"] } },
        orderBy: { seq: "desc" },
        select: { id: true, startedAt: true, layerScores: { select: { layer: true, score: true, grade: true, coverage: true, failed: true, critical: true, high: true } } },
      });
      const order = (l: string | null) => (l === null ? -1 : LAYERS.indexOf(l as (typeof LAYERS)[number]));
      return {
        clusterId: c.id,
        name: c.name,
        isDemo: c.isDemo,
        snapshotId: latest?.id ?? null,
        takenAt: latest?.startedAt.toISOString() ?? null,
        status: c.snapshots[0]?.status ?? null,
        scores: (latest?.layerScores ?? []).sort((a, b) => order(a.layer) - order(b.layer)),
      };
    }),
  );
}
