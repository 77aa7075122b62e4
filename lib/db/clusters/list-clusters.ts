import type { ClusterSummary } from "@/lib/api/schemas/clusters";
import { AppError } from "@/lib/errors";
import { getPrisma } from "../client";

const SUMMARY = {
  id: true,
  name: true,
  source: true,
  enabled: true,
  isDemo: true,
  scheduleMinutes: true,
  snapshots: { orderBy: { seq: "desc" as const }, take: 1, select: { id: true, startedAt: true, status: true } },
};

type SummaryRow = { id: string; name: string; source: string; enabled: boolean; isDemo: boolean; scheduleMinutes: number; snapshots: { id: string; startedAt: Date; status: string }[] };

function toSummary({ snapshots, ...c }: SummaryRow): ClusterSummary {
  const last = snapshots[0];
  return { ...c, lastSnapshotId: last?.id ?? null, lastScanAt: last?.startedAt.toISOString() ?? null, lastStatus: last?.status ?? null };
}

export async function getClusterSummaryOrThrow(id: string): Promise<ClusterSummary> {
  const row = await getPrisma().cluster.findUnique({ where: { id }, select: SUMMARY });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  return toSummary(row);
}

/** Every registered cluster with its latest snapshot's time and status, by name. */
export async function listClusters(): Promise<ClusterSummary[]> {
  const rows = await getPrisma().cluster.findMany({ orderBy: { name: "asc" }, select: SUMMARY });
  return rows.map(toSummary);
}
