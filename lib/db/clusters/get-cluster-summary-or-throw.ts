import type { ClusterSummary } from "@/lib/api/schemas/clusters";
import { AppError } from "@/lib/errors";
import { getPrisma } from "../client";
import { SUMMARY, toSummary } from "./cluster-summary";

export async function getClusterSummaryOrThrow(id: string): Promise<ClusterSummary> {
  const row = await getPrisma().cluster.findUnique({ where: { id }, select: SUMMARY });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  return toSummary(row);
}
