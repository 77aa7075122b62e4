import type { ClusterSummary } from "@/lib/api/schemas/clusters";

/** The columns and latest snapshot a cluster summary is built from. */
export const SUMMARY = {
  id: true,
  name: true,
  source: true,
  enabled: true,
  isDemo: true,
  scheduleMinutes: true,
  snapshots: { orderBy: { seq: "desc" as const }, take: 1, select: { id: true, startedAt: true, status: true } },
};

type SummaryRow = { id: string; name: string; source: string; enabled: boolean; isDemo: boolean; scheduleMinutes: number; snapshots: { id: string; startedAt: Date; status: string }[] };

export function toSummary({ snapshots, ...c }: SummaryRow): ClusterSummary {
  const last = snapshots[0];
  return { ...c, lastSnapshotId: last?.id ?? null, lastScanAt: last?.startedAt.toISOString() ?? null, lastStatus: last?.status ?? null };
}
