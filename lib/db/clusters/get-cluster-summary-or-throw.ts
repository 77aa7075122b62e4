import type { ClusterSummary } from "@/lib/contracts/clusters";
import { AppError } from "@/lib/errors";

import { querySummaries } from "./cluster-summary";

export async function getClusterSummaryOrThrow(id: string): Promise<ClusterSummary> {
  const [summary] = await querySummaries(id);
  if (!summary) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  return summary;
}
