import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { deleteClusterRow } from "@/lib/db/clusters/delete-cluster-row";
import { getClusterSummaryOrThrow } from "@/lib/db/clusters/get-cluster-summary-or-throw";

/** Deletes a cluster with its whole history; the audit entry keeps its name. */
export async function deleteCluster(id: string, actor: Caller): Promise<void> {
  const { name } = await getClusterSummaryOrThrow(id);
  await deleteClusterRow(id);
  await audit(actor, "cluster.deleted", { type: "cluster", id }, { name });
}
