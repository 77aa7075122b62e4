import type { OverallHistory } from "@/lib/contracts/scores";

import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";

/** Each cluster's (or the given clusters') overall score over the last 30 days (for a sparkline) and its score as of a week ago. */
export async function listOverallHistory(
  now = new Date(),
  clusterIds?: string[],
): Promise<Map<string, OverallHistory>> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const { rows } = await getPool().query<{ clusterId: string; takenAt: string; score: number; weekOld: boolean }>(
    `SELECT "clusterId", ${isoUtc(`"takenAt"`)} AS "takenAt", score, "takenAt" <= $3 AS "weekOld"
       FROM layer_score
      WHERE layer IS NULL AND "takenAt" >= $1 AND score IS NOT NULL AND ($2::text[] IS NULL OR "clusterId" = ANY($2))
      ORDER BY "takenAt", id`,
    [since, clusterIds ?? null, weekAgo],
  );
  const out = new Map<string, OverallHistory>();
  for (const { clusterId, takenAt, score, weekOld } of rows) {
    const h = out.get(clusterId) ?? { points: [], weekAgo: null };
    h.points.push({ takenAt, score });
    if (weekOld) h.weekAgo = score;
    out.set(clusterId, h);
  }
  return out;
}
