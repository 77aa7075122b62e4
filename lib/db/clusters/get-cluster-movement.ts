import { getCheckSeverity, getCheckTitle } from "@/lib/checks/get-check-title";

import { listFailingChecks } from "../findings/list-failing-checks";
import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";

export type LayerDelta = { layer: string; previous: number | null; current: number | null };
export type CheckMovement = { checkId: string; title: string; opened: number; resolved: number };
export type TopFailing = { checkId: string; title: string; severity: string; resources: number; open: number };
export type ClusterMovement = {
  previousSeq: number | null;
  previousAt: string | null;
  latestSeq: number | null;
  latestAt: string | null;
  layers: LayerDelta[];
  checks: CheckMovement[];
  topFailing: TopFailing[];
};

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Why the score moved: each layer's score in the latest completed snapshot against the one
 * before, and the checks whose findings opened or closed between them; plus the checks failing
 * on the most resources now.
 */
export async function getClusterMovement(clusterId: string): Promise<ClusterMovement> {
  // The latest two completed snapshots with their current score per layer ("overall": the cluster's),
  // read beside the failing checks.
  const [snaps, failing] = await Promise.all([
    getPool().query<{ id: string; seq: number; startedAt: string; scores: Record<string, number | null> }>(
      `SELECT s.id, s.seq, ${isoUtc(`s."startedAt"`)} AS "startedAt",
              coalesce((SELECT json_object_agg(coalesce(l.layer::text, 'overall'), l.score)
                          FROM layer_score l WHERE l."snapshotId" = s.id AND l.current), '{}') AS scores
         FROM snapshot s WHERE s."clusterId" = $1 AND s.status IN ('succeeded', 'partial')
        ORDER BY s.seq DESC LIMIT 2`,
      [clusterId],
    ),
    listFailingChecks(clusterId),
  ]);
  const [latest, previous] = snaps.rows;
  // Worst first: severity, then the open findings it has (those under an accepted risk are not failing).
  const topFailing = failing
    .filter((r) => r.open > 0)
    .map((r) => ({
      checkId: r.checkId,
      resources: r.resources,
      open: r.open,
      title: getCheckTitle(r.checkId),
      severity: getCheckSeverity(r.checkId),
    }))
    .sort(
      (a, b) =>
        (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) ||
        b.open - a.open ||
        a.checkId.localeCompare(b.checkId),
    )
    .slice(0, 10);
  const base = { latestSeq: latest?.seq ?? null, latestAt: latest?.startedAt ?? null };
  if (!latest || !previous) return { previousSeq: null, previousAt: null, ...base, layers: [], checks: [], topFailing };
  const score = (s: typeof latest, layer: string) => s.scores[layer] ?? null;
  const layers = ["overall", "node", "network", "secrets", "pod", "container"].map((layer) => ({
    layer,
    previous: score(previous, layer),
    current: score(latest, layer),
  }));
  const moved = await getPool().query<{ checkId: string; opened: number; resolved: number }>(
    `SELECT "checkId", count(*) FILTER (WHERE "firstSeq" > $2 AND "firstSeq" <= $3)::int AS opened,
            count(*) FILTER (WHERE "lastSeq" >= $2 AND "lastSeq" < $3)::int AS resolved
     FROM finding WHERE "clusterId" = $1 AND (("firstSeq" > $2 AND "firstSeq" <= $3) OR ("lastSeq" >= $2 AND "lastSeq" < $3))
     GROUP BY "checkId" ORDER BY count(*) DESC LIMIT 8`,
    [clusterId, previous.seq, latest.seq],
  );
  return {
    previousSeq: previous.seq,
    previousAt: previous.startedAt,
    ...base,
    layers,
    checks: moved.rows.map((r) => ({ ...r, title: getCheckTitle(r.checkId) })),
    topFailing,
  };
}
