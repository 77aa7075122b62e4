import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";
import { getPool } from "../pool";

export type CompareSide = {
  snapshotId: string;
  clusterName: string;
  seq: number;
  takenAt: string;
  scores: { layer: string | null; score: number | null; grade: string | null; failed: number }[];
  /** Checks this side could not evaluate: their findings on the other side are unknown here, not "only there". */
  notEvaluated: string[];
};
export type DiffFinding = {
  checkId: string;
  severity: string;
  resourceKind: string;
  namespace: string;
  resourceName: string;
  container: string;
  message: string;
};
export type Comparison = {
  a: CompareSide;
  b: CompareSide;
  onlyA: DiffFinding[];
  onlyB: DiffFinding[];
  onlyACount: number;
  onlyBCount: number;
  both: number;
};

const LIMIT = 200;
const ORDER = ["overall", "node", "network", "secrets", "pod", "container"];

/** A snapshot id, or a cluster id meaning its latest completed snapshot. */
async function resolveSide(ref: string): Promise<CompareSide> {
  const prisma = getPrisma();
  const snapshot =
    (await prisma.snapshot.findUnique({ where: { id: ref }, include: { cluster: { select: { name: true } } } })) ??
    (await prisma.snapshot.findFirst({
      where: { clusterId: ref, status: { in: ["succeeded", "partial"] } },
      orderBy: { seq: "desc" },
      include: { cluster: { select: { name: true } } },
    }));
  if (!snapshot)
    throw new AppError("NOT_FOUND", {
      userMessage: "Nothing to compare: pick a cluster with a completed scan, or a snapshot.",
    });
  const scores = await prisma.layerScore.findMany({
    where: { snapshotId: snapshot.id, current: true },
    select: { layer: true, score: true, grade: true, failed: true },
  });
  scores.sort((x, y) => ORDER.indexOf(x.layer ?? "overall") - ORDER.indexOf(y.layer ?? "overall"));
  const notEvaluated = ((snapshot.notEvaluated as { checkId: string }[] | null) ?? []).map((c) => c.checkId);
  return {
    snapshotId: snapshot.id,
    clusterName: snapshot.cluster.name,
    seq: snapshot.seq,
    takenAt: snapshot.startedAt.toISOString(),
    scores,
    notEvaluated,
  };
}

/**
 * Two clusters (say staging and production) or two snapshots side by side: scores per layer,
 * and the findings present in one and not the other, matched by check, resource and container.
 * A finding of a check the other side could not evaluate is in neither list: unknown there is
 * not absent (each side's `notEvaluated` says which checks).
 */
export async function compareSnapshots(refA: string, refB: string): Promise<Comparison> {
  const [a, b] = await Promise.all([resolveSide(refA), resolveSide(refB)]);
  // The lifetimes a snapshot saw: those still open that began by then (the open-findings index),
  // and those closed since (the (cluster, firstSeq, lastSeq) index: few, for a recent one).
  // Written as two parts so neither reads the cluster's whole history.
  const present = (alias: string, n: number) => {
    const cols = `'${alias}' AS side, f."checkId", f.severity, f."resourceKind", f.namespace, f."resourceName", f.container, f.message`;
    return `SELECT ${cols} FROM finding f JOIN snapshot s ON s.id = $${n}
             WHERE f."clusterId" = s."clusterId" AND f."lastSeq" IS NULL AND f."firstSeq" <= s.seq
            UNION ALL
            SELECT ${cols} FROM finding f JOIN snapshot s ON s.id = $${n}
             WHERE f."clusterId" = s."clusterId" AND f."lastSeq" IS NOT NULL AND f."lastSeq" >= s.seq AND f."firstSeq" <= s.seq`;
  };
  // One statement: each side's findings are read once for both lists and the count of those in both.
  const { rows } = await getPool().query<DiffFinding & { side: "a" | "b" | "both"; n: number }>(
    `WITH a AS (${present("a", 1)}), b AS (${present("b", 2)}),
     only_a AS (SELECT * FROM a WHERE NOT (a."checkId" = ANY($4::text[])) AND NOT EXISTS (SELECT 1 FROM b WHERE b."checkId" = a."checkId" AND b."resourceKind" = a."resourceKind" AND b.namespace = a.namespace AND b."resourceName" = a."resourceName" AND b.container = a.container)),
     only_b AS (SELECT * FROM b WHERE NOT (b."checkId" = ANY($3::text[])) AND NOT EXISTS (SELECT 1 FROM a WHERE a."checkId" = b."checkId" AND a."resourceKind" = b."resourceKind" AND a.namespace = b.namespace AND a."resourceName" = b."resourceName" AND a.container = b.container))
     SELECT *, (SELECT count(*)::int FROM only_a) AS n FROM (SELECT * FROM only_a ORDER BY severity, "checkId" LIMIT ${LIMIT}) x
     UNION ALL
     SELECT *, (SELECT count(*)::int FROM only_b) AS n FROM (SELECT * FROM only_b ORDER BY severity, "checkId" LIMIT ${LIMIT}) y
     UNION ALL
     SELECT 'both', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            (SELECT count(*)::int FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b."checkId" = a."checkId" AND b."resourceKind" = a."resourceKind" AND b.namespace = a.namespace AND b."resourceName" = a."resourceName" AND b.container = a.container))`,
    [a.snapshotId, b.snapshotId, a.notEvaluated, b.notEvaluated],
  );
  const onlyA = rows.filter((r) => r.side === "a");
  const onlyB = rows.filter((r) => r.side === "b");
  const onlyACount = onlyA[0]?.n ?? 0;
  const strip = ({ side: _s, n: _n, ...f }: DiffFinding & { side: string; n: number }) => f;
  return {
    a,
    b,
    onlyA: onlyA.map(strip),
    onlyB: onlyB.map(strip),
    onlyACount,
    onlyBCount: onlyB[0]?.n ?? 0,
    both: rows.find((r) => r.side === "both")!.n,
  };
}

/** What can be compared: every cluster (its latest scan) and each cluster's recent snapshots. */
export async function listComparables(): Promise<{ id: string; label: string }[]> {
  const clusters = await getPrisma().cluster.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      snapshots: {
        where: { status: { in: ["succeeded", "partial"] } },
        orderBy: { seq: "desc" },
        take: 8,
        select: { id: true, seq: true, startedAt: true },
      },
    },
  });
  return clusters.flatMap((c) => [
    { id: c.id, label: `${c.name}: latest scan` },
    ...c.snapshots.map((s) => ({
      id: s.id,
      label: `${c.name}: snapshot #${s.seq} (${s.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
    })),
  ]);
}
