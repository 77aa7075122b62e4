import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import type { ClusterSummary, ClusterUpdateRequest } from "@/lib/contracts/clusters";
import { getClusterSummaryOrThrow } from "@/lib/db/clusters/get-cluster-summary-or-throw";
import { updateClusterRow } from "@/lib/db/clusters/update-cluster-row";

/** Renames a cluster, changes its schedule, or enables or disables it. */
export async function updateCluster(id: string, patch: ClusterUpdateRequest, actor: Caller): Promise<ClusterSummary> {
  await updateClusterRow(id, patch);
  await audit(actor, "cluster.updated", { type: "cluster", id }, { changes: patch });
  return getClusterSummaryOrThrow(id);
}
