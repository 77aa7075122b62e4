import type { OverallHistory } from "@/lib/contracts/scores";

import { getPrisma } from "../client";

/** Each cluster's (or the given clusters') overall score over the last 30 days (for a sparkline) and its score as of a week ago. */
export async function listOverallHistory(
  now = new Date(),
  clusterIds?: string[],
): Promise<Map<string, OverallHistory>> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const weekAgo = now.getTime() - 7 * 86_400_000;
  const rows = await getPrisma().layerScore.findMany({
    where: {
      layer: null,
      takenAt: { gte: since },
      score: { not: null },
      ...(clusterIds ? { clusterId: { in: clusterIds } } : {}),
    },
    orderBy: { takenAt: "asc" },
    select: { clusterId: true, takenAt: true, score: true },
  });
  const out = new Map<string, OverallHistory>();
  for (const r of rows) {
    const h = out.get(r.clusterId) ?? { points: [], weekAgo: null };
    h.points.push({ takenAt: r.takenAt.toISOString(), score: r.score! });
    if (r.takenAt.getTime() <= weekAgo) h.weekAgo = r.score;
    out.set(r.clusterId, h);
  }
  return out;
}
