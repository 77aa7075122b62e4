import { LAYERS } from "@/lib/checks/types";
import type { ClusterPosture } from "@/lib/contracts/scores";
import { AppError } from "@/lib/errors";

import { getPool } from "../pool";
import { isoUtc as iso } from "../sql-fragments";

type PostureRow = {
  id: string;
  name: string;
  isDemo: boolean;
  lastId: string | null;
  lastStatus: string | null;
  latestId: string | null;
  latestSeq: number | null;
  latestAt: string | null;
  scores: ClusterPosture["scores"];
  failId: string | null;
  failSeq: number | null;
  failAt: string | null;
  failError: string | null;
  failSince: string | null;
  failedScans: number | null;
};

const order = (l: string | null) => (l === null ? -1 : LAYERS.indexOf(l as (typeof LAYERS)[number]));

/**
 * Each cluster with the scores of its latest completed snapshot, its latest scan's status and,
 * when that scan failed, the failed scans since the latest completed one (the newest's reason,
 * the oldest's time). One statement for the whole fleet: the overview costs one round trip
 * however many clusters there are.
 */
const POSTURE_SQL = `
  SELECT c.id, c.name, c."isDemo", last.id AS "lastId", last.status::text AS "lastStatus",
         latest.id AS "latestId", latest.seq AS "latestSeq", ${iso('latest."startedAt"')} AS "latestAt",
         coalesce((SELECT json_agg(json_build_object('layer', l.layer, 'score', l.score, 'grade', l.grade, 'coverage', l.coverage, 'failed', l.failed,
                                                     'suppressed', l.suppressed, 'critical', l.critical, 'high', l.high))
                   FROM layer_score l WHERE l."snapshotId" = latest.id AND l.current), '[]'::json) AS scores,
         fail.id AS "failId", fail.seq AS "failSeq", ${iso('fail."startedAt"')} AS "failAt", fail.error AS "failError",
         ${iso("fail.since")} AS "failSince", fail.n AS "failedScans"
  FROM cluster c
  LEFT JOIN LATERAL (SELECT id, status FROM snapshot WHERE "clusterId" = c.id ORDER BY seq DESC LIMIT 1) last ON true
  LEFT JOIN LATERAL (SELECT id, seq, "startedAt" FROM snapshot WHERE "clusterId" = c.id AND status IN ('succeeded', 'partial') ORDER BY seq DESC LIMIT 1) latest ON true
  LEFT JOIN LATERAL (SELECT id, seq, "startedAt", error, count(*) OVER ()::int AS n, first_value("startedAt") OVER (ORDER BY seq) AS since
                     FROM snapshot WHERE "clusterId" = c.id AND status = 'failed' AND seq > coalesce(latest.seq, 0) ORDER BY seq DESC LIMIT 1) fail
    ON last.status = 'failed'
  WHERE $1::text IS NULL OR c.id = $1
  ORDER BY c.name
  LIMIT $2 OFFSET $3`;

function toPosture(r: PostureRow): ClusterPosture {
  return {
    failure:
      r.lastStatus === "failed" && r.failId && r.failAt && r.failSince
        ? {
            snapshotId: r.failId,
            seq: r.failSeq!,
            error: r.failError ?? "no reason recorded",
            at: r.failAt,
            since: r.failSince,
            failedScans: r.failedScans!,
          }
        : null,
    clusterId: r.id,
    name: r.name,
    isDemo: r.isDemo,
    snapshotId: r.latestId,
    snapshotSeq: r.latestSeq,
    takenAt: r.latestAt,
    status: r.lastStatus,
    runningSnapshotId: r.lastStatus === "running" ? r.lastId : null,
    scores: r.scores.sort((a, b) => order(a.layer) - order(b.layer)),
  };
}

/** Every cluster's posture, by name. */
export async function listClusterPosture(): Promise<ClusterPosture[]> {
  const { rows } = await getPool().query<PostureRow>(POSTURE_SQL, [null, null, 0]);
  return rows.map(toPosture);
}

/** One page of the fleet's posture, by name, and how many clusters there are in all. */
export async function listClusterPosturePage(
  page: number,
  size: number,
): Promise<{ clusters: ClusterPosture[]; total: number }> {
  const pool = getPool();
  const [{ rows }, count] = await Promise.all([
    pool.query<PostureRow>(POSTURE_SQL, [null, size, (page - 1) * size]),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM cluster`),
  ]);
  return { clusters: rows.map(toPosture), total: count.rows[0]!.n };
}

export async function getClusterPostureOrThrow(id: string): Promise<ClusterPosture> {
  const { rows } = await getPool().query<PostureRow>(POSTURE_SQL, [id, 1, 0]);
  if (!rows[0]) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  return toPosture(rows[0]);
}
