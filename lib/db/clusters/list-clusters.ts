import type { ClusterSummary } from "@/lib/api/schemas/clusters";
import { getPrisma } from "../client";
import { SUMMARY, toSummary } from "./cluster-summary";

/** Every registered cluster with its latest snapshot's time and status, by name. */
export async function listClusters(): Promise<ClusterSummary[]> {
  const rows = await getPrisma().cluster.findMany({ orderBy: { name: "asc" }, select: SUMMARY });
  return rows.map(toSummary);
}
