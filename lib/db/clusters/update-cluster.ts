import type { ClusterUpdateRequest } from "@/lib/api/schemas/clusters";
import { AppError } from "@/lib/errors";
import { getPrisma } from "../client";

export async function updateCluster(id: string, patch: ClusterUpdateRequest): Promise<void> {
  const { count } = await getPrisma().cluster.updateMany({ where: { id }, data: patch });
  if (count === 0) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
}

/** Deletes a cluster with its whole history (snapshots, findings, scores cascade). */
export async function deleteCluster(id: string): Promise<void> {
  const { count } = await getPrisma().cluster.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
}
