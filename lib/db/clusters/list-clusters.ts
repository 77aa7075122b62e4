import type { ClusterSummary } from "@/lib/contracts/clusters";

import { getPool } from "../pool";
import { querySummaries } from "./cluster-summary";

/** Every registered cluster with its latest snapshot's time and status, by name. */
export function listClusters(): Promise<ClusterSummary[]> {
  return querySummaries(null);
}

/** Every registered cluster's id and name, by name: for pickers, which need no scan figures. */
export async function listClusterNames(): Promise<{ id: string; name: string }[]> {
  return (await getPool().query<{ id: string; name: string }>(`SELECT id, name FROM cluster ORDER BY name, id`)).rows;
}
