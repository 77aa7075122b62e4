import type { ClusterSummary } from "@/lib/api/schemas/clusters";
import { getPrisma } from "../client";

/** Every registered cluster with its latest snapshot's time and status, by name. */
export async function listClusters(): Promise<ClusterSummary[]> {
  const rows = await getPrisma().cluster.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      source: true,
      enabled: true,
      isDemo: true,
      snapshots: { orderBy: { seq: "desc" }, take: 1, select: { startedAt: true, status: true } },
    },
  });
  return rows.map(({ snapshots, ...c }) => ({
    ...c,
    lastScanAt: snapshots[0]?.startedAt.toISOString() ?? null,
    lastStatus: snapshots[0]?.status ?? null,
  }));
}
