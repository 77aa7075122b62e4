import type { ClusterSummary } from "@/lib/contracts/clusters";

import { querySummaries } from "./cluster-summary";

/** Every registered cluster with its latest snapshot's time and status, by name. */
export function listClusters(): Promise<ClusterSummary[]> {
  return querySummaries(null);
}
