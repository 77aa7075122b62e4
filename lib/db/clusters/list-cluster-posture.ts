import type { ClusterPosture } from "@/lib/api/schemas/scores";
import { LAYERS } from "@/lib/checks/types";
import { AppError } from "@/lib/errors";
import { getPrisma } from "../client";

const CLUSTER = { id: true, name: true, isDemo: true, snapshots: { orderBy: { seq: "desc" as const }, take: 1, select: { id: true, status: true } } };
type ClusterRow = { id: string; name: string; isDemo: boolean; snapshots: { id: string; status: string }[] };
const order = (l: string | null) => (l === null ? -1 : LAYERS.indexOf(l as (typeof LAYERS)[number]));

/** A cluster with the scores of its latest completed snapshot (and the latest scan's status). */
async function toPosture(c: ClusterRow): Promise<ClusterPosture> {
  const latest = await getPrisma().snapshot.findFirst({
    where: { clusterId: c.id, status: { in: ["succeeded", "partial"] } },
    orderBy: { seq: "desc" },
    select: { id: true, startedAt: true, layerScores: { select: { layer: true, score: true, grade: true, coverage: true, failed: true, suppressed: true, critical: true, high: true } } },
  });
  return {
    clusterId: c.id,
    name: c.name,
    isDemo: c.isDemo,
    snapshotId: latest?.id ?? null,
    takenAt: latest?.startedAt.toISOString() ?? null,
    status: c.snapshots[0]?.status ?? null,
    runningSnapshotId: c.snapshots[0]?.status === "running" ? c.snapshots[0].id : null,
    scores: (latest?.layerScores ?? []).sort((a, b) => order(a.layer) - order(b.layer)),
  };
}

/** Every cluster's posture, by name. */
export async function listClusterPosture(): Promise<ClusterPosture[]> {
  const clusters = await getPrisma().cluster.findMany({ orderBy: { name: "asc" }, select: CLUSTER });
  return Promise.all(clusters.map(toPosture));
}

export async function getClusterPostureOrThrow(id: string): Promise<ClusterPosture> {
  const cluster = await getPrisma().cluster.findUnique({ where: { id }, select: CLUSTER });
  if (!cluster) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  return toPosture(cluster);
}
