import type { TrendPoint } from "@/lib/contracts/trend";

import { getPrisma } from "../client";

/** The stored per-layer scores of a cluster's completed snapshots in the last `days` days, oldest first. */
export async function listScoreTrend(clusterId: string, days: number): Promise<TrendPoint[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await getPrisma().layerScore.findMany({
    where: { clusterId, takenAt: { gte: since } },
    orderBy: { takenAt: "asc" },
    select: { snapshotId: true, revision: true, takenAt: true, layer: true, score: true },
  });
  const points = new Map<string, TrendPoint>();
  for (const r of rows) {
    // A re-scored snapshot is one more point, at the time its accepted risk changed.
    const key = `${r.snapshotId}/${r.revision}`;
    const p = points.get(key) ?? {
      takenAt: r.takenAt.toISOString(),
      overall: null,
      node: null,
      network: null,
      secrets: null,
      pod: null,
      container: null,
    };
    p[r.layer ?? "overall"] = r.score;
    points.set(key, p);
  }
  return [...points.values()];
}
