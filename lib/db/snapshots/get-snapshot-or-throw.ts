import type { SnapshotDetail } from "@/lib/contracts/snapshots";
import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

export async function getSnapshotOrThrow(id: string): Promise<SnapshotDetail> {
  const s = await getPrisma().snapshot.findUnique({ where: { id } });
  if (!s) throw new AppError("NOT_FOUND", { userMessage: "No such snapshot." });
  return {
    id: s.id,
    clusterId: s.clusterId,
    seq: s.seq,
    status: s.status,
    trigger: s.trigger,
    startedAt: s.startedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    kubernetesVersion: s.kubernetesVersion,
    objectCounts: s.objectCounts as Record<string, number>,
    warnings: s.warnings as SnapshotDetail["warnings"],
    notEvaluated: s.notEvaluated as SnapshotDetail["notEvaluated"],
    phases: s.phases as Record<string, number>,
    error: s.error,
    findingCount: s.findingCount,
    newCount: s.newCount,
    resolvedCount: s.resolvedCount,
    isDemo: s.isDemo,
  };
}
