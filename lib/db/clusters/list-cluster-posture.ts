import type { ClusterPosture } from "@/lib/api/schemas/scores";
import { LAYERS } from "@/lib/checks/types";
import { AppError } from "@/lib/errors";
import { getPrisma } from "../client";

const CLUSTER = { id: true, name: true, isDemo: true, snapshots: { orderBy: { seq: "desc" as const }, take: 1, select: { id: true, status: true } } };
type ClusterRow = { id: string; name: string; isDemo: boolean; snapshots: { id: string; status: string }[] };
type Latest = { seq: number };
const order = (l: string | null) => (l === null ? -1 : LAYERS.indexOf(l as (typeof LAYERS)[number]));

/** The failed scans after the latest completed one (or all, without one): the newest's reason, the oldest's time. */
async function failureSince(clusterId: string, latest: Latest | null): Promise<ClusterPosture["failure"]> {
  const failed = await getPrisma().snapshot.findMany({
    where: { clusterId, status: "failed", seq: { gt: latest?.seq ?? 0 } },
    orderBy: { seq: "desc" },
    select: { id: true, seq: true, startedAt: true, error: true },
  });
  const [newest] = failed;
  const oldest = failed[failed.length - 1];
  if (!newest || !oldest) return null;
  return { snapshotId: newest.id, seq: newest.seq, error: newest.error ?? "no reason recorded", at: newest.startedAt.toISOString(), since: oldest.startedAt.toISOString(), failedScans: failed.length };
}

/** A cluster with the scores of its latest completed snapshot (and the latest scan's status). */
async function toPosture(c: ClusterRow): Promise<ClusterPosture> {
  const latest = await getPrisma().snapshot.findFirst({
    where: { clusterId: c.id, status: { in: ["succeeded", "partial"] } },
    orderBy: { seq: "desc" },
    select: { id: true, seq: true, startedAt: true, layerScores: { where: { current: true }, select: { layer: true, score: true, grade: true, coverage: true, failed: true, suppressed: true, critical: true, high: true } } },
  });
  return {
    failure: c.snapshots[0]?.status === "failed" ? await failureSince(c.id, latest) : null,
    clusterId: c.id,
    name: c.name,
    isDemo: c.isDemo,
    snapshotId: latest?.id ?? null,
    snapshotSeq: latest?.seq ?? null,
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
