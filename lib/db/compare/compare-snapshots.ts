import type { DiffFinding } from "@/lib/contracts/snapshot-changes";
import { AppError } from "@/lib/errors";

import { getPool } from "../pool";
import { DEFAULT_RETENTION } from "../snapshots/apply-retention";
import { isoUtc } from "../sql-fragments";

export type CompareSide = {
  snapshotId: string;
  clusterId: string;
  clusterName: string;
  seq: number;
  takenAt: string;
  scores: { layer: string | null; score: number | null; grade: string | null; failed: number }[];
  /** Checks this side could not evaluate: their findings on the other side are unknown here, not "only there". */
  notEvaluated: string[];
  /** the finding lifetimes it saw, stored when it completed (null before that, or before they were stored) */
  seenCount: number | null;
};
/** A finding as compare lists it: a changed finding without its row id and layer. */
export type Comparison = {
  a: CompareSide;
  b: CompareSide;
  onlyA: DiffFinding[];
  onlyB: DiffFinding[];
  onlyACount: number;
  onlyBCount: number;
  both: number;
};

/** Findings listed per side, most severe first (each list says how many there are in all). */
const LIMIT = 50;
const ORDER = ["overall", "node", "network", "secrets", "pod", "container"];

/** A snapshot id, or a cluster id meaning its latest completed snapshot: read in one statement. */
async function resolveSide(ref: string): Promise<CompareSide> {
  const { rows } = await getPool().query<Omit<CompareSide, "notEvaluated"> & { notEvaluated: { checkId: string }[] }>(
    `SELECT s.id AS "snapshotId", s."clusterId", c.name AS "clusterName", s.seq, ${isoUtc(`s."startedAt"`)} AS "takenAt",
            s."notEvaluated", s."seenCount",
            coalesce((SELECT json_agg(json_build_object('layer', l.layer, 'score', l.score, 'grade', l.grade, 'failed', l.failed))
                        FROM layer_score l WHERE l."snapshotId" = s.id AND l.current), '[]') AS scores
       FROM snapshot s JOIN cluster c ON c.id = s."clusterId"
      WHERE s.id = coalesce((SELECT id FROM snapshot WHERE id = $1),
                            (SELECT id FROM snapshot WHERE "clusterId" = $1 AND status IN ('succeeded', 'partial')
                              ORDER BY seq DESC LIMIT 1))`,
    [ref],
  );
  const side = rows[0];
  if (!side)
    throw new AppError("NOT_FOUND", {
      userMessage: "Nothing to compare: pick a cluster with a completed scan, or a snapshot.",
    });
  side.scores.sort((x, y) => ORDER.indexOf(x.layer ?? "overall") - ORDER.indexOf(y.layer ?? "overall"));
  return { ...side, notEvaluated: (side.notEvaluated ?? []).map((c) => c.checkId) };
}

type Diff = Omit<Comparison, "a" | "b">;
type DiffRow = DiffFinding & { side: "a" | "b" | "both"; n: number };

const COLUMNS = `f."checkId", f.severity, f."resourceKind", f.namespace, f."resourceName", f.container, f.message`;
const SAME = (x: string, y: string) =>
  `${y}."checkId" = ${x}."checkId" AND ${y}."resourceKind" = ${x}."resourceKind" AND ${y}.namespace = ${x}.namespace AND ${y}."resourceName" = ${x}."resourceName" AND ${y}.container = ${x}.container`;

/**
 * The statement's tail shared by both ways of comparing: from CTEs only_a and only_b (each with
 * the lifetime's id, severity and check) and both_count, up to LIMIT rows of each list with its
 * total, read in full from the finding table only for those listed, and one row for both.
 */
const LISTS = `listed AS (
       SELECT 'a' AS side, id, severity, "checkId", (SELECT count(*)::int FROM only_a) AS n FROM (SELECT * FROM only_a ORDER BY severity, "checkId", id LIMIT ${LIMIT}) x
        UNION ALL
       SELECT 'b', id, severity, "checkId", (SELECT count(*)::int FROM only_b) FROM (SELECT * FROM only_b ORDER BY severity, "checkId", id LIMIT ${LIMIT}) y)
     SELECT * FROM (SELECT l.side, ${COLUMNS}, l.n FROM listed l JOIN finding f ON f.id = l.id ORDER BY l.side, l.severity, l."checkId", l.id) lists
     UNION ALL
     SELECT 'both', NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT n FROM both_count)`;

function toDiff(rows: DiffRow[]): Diff {
  const strip = ({ side: _s, n: _n, ...f }: DiffRow) => f;
  const onlyA = rows.filter((r) => r.side === "a");
  const onlyB = rows.filter((r) => r.side === "b");
  return {
    onlyA: onlyA.map(strip),
    onlyB: onlyB.map(strip),
    onlyACount: onlyA[0]?.n ?? 0,
    onlyBCount: onlyB[0]?.n ?? 0,
    both: rows.find((r) => r.side === "both")!.n,
  };
}

/**
 * Any two snapshots (of two clusters, say): every finding each one saw, matched by check,
 * resource and container. The lifetimes a snapshot saw are those still open that began by then
 * (the open-findings index) and those closed since (the (cluster, firstSeq, lastSeq) index).
 */
export async function diffAcross(a: CompareSide, b: CompareSide): Promise<Diff> {
  const KEY = `f.id, f."checkId", f.severity, f."resourceKind", f.namespace, f."resourceName", f.container`;
  const present = (n: number) =>
    `SELECT ${KEY} FROM finding f JOIN snapshot s ON s.id = $${n}
      WHERE f."clusterId" = s."clusterId" AND f."lastSeq" IS NULL AND f."firstSeq" <= s.seq
     UNION ALL
     SELECT ${KEY} FROM finding f JOIN snapshot s ON s.id = $${n}
      WHERE f."clusterId" = s."clusterId" AND f."lastSeq" IS NOT NULL AND f."lastSeq" >= s.seq AND f."firstSeq" <= s.seq`;
  const { rows } = await getPool().query<DiffRow>(
    `WITH a AS (${present(1)}), b AS (${present(2)}),
     only_a AS (SELECT * FROM a WHERE NOT (a."checkId" = ANY($4::text[])) AND NOT EXISTS (SELECT 1 FROM b WHERE ${SAME("a", "b")})),
     only_b AS (SELECT * FROM b WHERE NOT (b."checkId" = ANY($3::text[])) AND NOT EXISTS (SELECT 1 FROM a WHERE ${SAME("b", "a")})),
     both_count AS (SELECT count(*)::int AS n FROM a WHERE EXISTS (SELECT 1 FROM b WHERE ${SAME("a", "b")})),
     ${LISTS}`,
    [a.snapshotId, b.snapshotId, a.notEvaluated, b.notEvaluated],
  );
  return toDiff(rows);
}

/**
 * Two snapshots of one cluster, from the lifetimes alone: a lifetime the earlier one saw that is
 * still open at the later one is in both, so only the lifetimes that closed between them (seen by
 * the earlier) and those that began between them (seen by the later) can differ, and a finding
 * that went and came back is matched between those two small sets by its fingerprint (within a
 * cluster, its check, resource and container: fingerprint.ts). The same answer as diffAcross
 * without reading every finding of both scans: a week apart, hundreds of rows instead of tens of
 * thousands, each read for its id, fingerprint, severity and check only, those that closed from
 * finding_closed, where each scan's closed lifetimes sit together.
 */
export async function diffWithin(a: CompareSide, b: CompareSide): Promise<Diff> {
  const flip = a.seq > b.seq;
  const [lo, hi] = flip ? [b, a] : [a, b];
  // The earlier scan's stored count of what it saw, while every lifetime it saw is still kept:
  // retention drops lifetimes closed before its detail period, and one the scan saw closed after it.
  const kept = Date.parse(lo.takenAt) >= Date.now() - DEFAULT_RETENTION.detailDays * 86_400_000;
  const seen = kept ? lo.seenCount : null;
  const KEY = `f.id, f.fingerprint, f.severity, f."checkId"`;
  const { rows } = await getPool().query<DiffRow>(
    `WITH closed AS (SELECT f."findingId" AS id, f.fingerprint, f.severity, f."checkId" FROM finding_closed f
                      WHERE f."clusterId" = $1 AND f."firstSeq" <= $2 AND f."lastSeq" >= $2 AND f."lastSeq" < $3),
          began AS (SELECT ${KEY} FROM finding f
                     WHERE f."clusterId" = $1 AND f."firstSeq" > $2 AND f."firstSeq" <= $3 AND (f."lastSeq" IS NULL OR f."lastSeq" >= $3)),
          gone AS (SELECT * FROM closed c WHERE NOT EXISTS (SELECT 1 FROM began g WHERE g.fingerprint = c.fingerprint)),
          came AS (SELECT * FROM began g WHERE NOT EXISTS (SELECT 1 FROM closed c WHERE c.fingerprint = g.fingerprint)),
          only_lo AS (SELECT * FROM gone WHERE NOT ("checkId" = ANY($5::text[]))),
          only_hi AS (SELECT * FROM came WHERE NOT ("checkId" = ANY($4::text[]))),
          only_a AS (SELECT * FROM ${flip ? "only_hi" : "only_lo"}),
          only_b AS (SELECT * FROM ${flip ? "only_lo" : "only_hi"}),
          seen AS (SELECT coalesce($6::int,
                      (SELECT count(*)::int FROM finding f WHERE f."clusterId" = $1 AND f."lastSeq" IS NULL AND f."firstSeq" <= $2)
                      + (SELECT count(*)::int FROM finding f WHERE f."clusterId" = $1 AND f."lastSeq" >= $2 AND f."firstSeq" <= $2)) AS n),
          both_count AS (SELECT (SELECT n FROM seen) - (SELECT count(*)::int FROM gone) AS n),
          ${LISTS}`,
    [lo.clusterId, lo.seq, hi.seq, lo.notEvaluated, hi.notEvaluated, seen],
  );
  return toDiff(rows);
}

/**
 * Two clusters (say staging and production) or two snapshots side by side: scores per layer,
 * and the findings present in one and not the other, matched by check, resource and container.
 * A finding of a check the other side could not evaluate is in neither list: unknown there is
 * not absent (each side's `notEvaluated` says which checks).
 */
export async function compareSnapshots(refA: string, refB: string): Promise<Comparison> {
  const [a, b] = await Promise.all([resolveSide(refA), resolveSide(refB)]);
  return { a, b, ...(await (a.clusterId === b.clusterId ? diffWithin : diffAcross)(a, b)) };
}

/**
 * What can be compared: every cluster (its latest scan) and its recent snapshots — in a fleet of
 * more than SNAPSHOTS_FOR_ALL clusters only those of the clusters in `focus` (those on a side now),
 * with the snapshots on a side: a hundred clusters' snapshot lists would make the form the page's bulk.
 */
const SNAPSHOTS_FOR_ALL = 10;

export async function listComparables(
  focus: { clusterIds: string[]; snapshotIds: string[] } = { clusterIds: [], snapshotIds: [] },
): Promise<{ id: string; label: string }[]> {
  // Each cluster with its recent completed snapshots (every cluster's in a small fleet, else those
  // in focus) and the focused snapshots among them, newest first: one statement.
  const { rows } = await getPool().query<{
    clusterId: string;
    name: string;
    id: string | null;
    seq: number;
    at: string;
  }>(
    `SELECT c.id AS "clusterId", c.name, x.id, x.seq, ${isoUtc(`x."startedAt"`)} AS at
       FROM cluster c
       LEFT JOIN LATERAL (
         (SELECT id, seq, "startedAt" FROM snapshot s
           WHERE s."clusterId" = c.id AND s.status IN ('succeeded', 'partial')
             AND ((SELECT count(*) FROM cluster) <= $1 OR c.id = ANY($2::text[]))
           ORDER BY s.seq DESC LIMIT 8)
         UNION
         SELECT id, seq, "startedAt" FROM snapshot s WHERE s."clusterId" = c.id AND s.id = ANY($3::text[])) x ON true
      ORDER BY c.name, c.id, x.seq DESC`,
    [SNAPSHOTS_FOR_ALL, focus.clusterIds, focus.snapshotIds],
  );
  return rows.flatMap((r, i) => [
    ...(rows[i - 1]?.clusterId === r.clusterId ? [] : [{ id: r.clusterId, label: `${r.name}: latest scan` }]),
    ...(r.id
      ? [{ id: r.id, label: `${r.name}: snapshot #${r.seq} (${r.at.slice(0, 16).replace("T", " ")} UTC)` }]
      : []),
  ]);
}
