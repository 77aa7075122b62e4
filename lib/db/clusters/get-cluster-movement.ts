import { getCheckSeverity, getCheckTitle } from "@/lib/checks/get-check-title";

import { getPrisma } from "../client";
import { listFailingChecks } from "../findings/list-failing-checks";
import { getPool } from "../pool";

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
  const snaps = await getPrisma().snapshot.findMany({
    where: { clusterId, status: { in: ["succeeded", "partial"] } },
    orderBy: { seq: "desc" },
    take: 2,
    select: {
      id: true,
      seq: true,
      startedAt: true,
      layerScores: { where: { current: true }, select: { layer: true, score: true } },
    },
  });
  const [latest, previous] = snaps;
  // Worst first: severity, then the open findings it has (those under an accepted risk are not failing).
  const topFailing = (await listFailingChecks(clusterId))
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
  const at = (s: typeof latest) => (s ? { seq: s.seq, at: s.startedAt.toISOString() } : null);
  const base = { latestSeq: at(latest)?.seq ?? null, latestAt: at(latest)?.at ?? null };
  if (!latest || !previous) return { previousSeq: null, previousAt: null, ...base, layers: [], checks: [], topFailing };
  const score = (s: typeof latest, layer: string) =>
    s.layerScores.find((l) => (l.layer ?? "overall") === layer)?.score ?? null;
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
    previousAt: previous.startedAt.toISOString(),
    ...base,
    layers,
    checks: moved.rows.map((r) => ({ ...r, title: getCheckTitle(r.checkId) })),
    topFailing,
  };
}
