import { getCheckTitle } from "@/lib/checks/get-check-title";
import type { FindingRow } from "@/lib/contracts/findings";
import { AppError } from "@/lib/errors";

import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";
import { FINDING_COLUMNS, FINDING_FROM } from "./finding-sql";

export type FindingLifetime = {
  id: string;
  firstSeq: number;
  lastSeq: number | null;
  firstSeenAt: string;
  lastSeenAt: string | null;
  resolvedAt: string | null;
  message: string;
};
export type FindingDetail = FindingRow & { fingerprint: string; history: FindingLifetime[]; snapshotsSeen: number };

/** One finding with its history: every lifetime of the same check on the same resource and container in that cluster. */
export async function getFindingOrThrow(id: string): Promise<FindingDetail> {
  const pool = getPool();
  const { rows } = await pool.query<FindingRow & { fingerprint: string }>(
    `SELECT ${FINDING_COLUMNS}, f.fingerprint FROM ${FINDING_FROM} WHERE f.id = $1::bigint`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "No such finding." });
  const history = await pool.query<FindingLifetime & { seen: number }>(
    `SELECT f.id::text AS id, f."firstSeq" AS "firstSeq", f."lastSeq" AS "lastSeq",
            ${isoUtc('f."firstSeenAt"')} AS "firstSeenAt", ${isoUtc('f."lastSeenAt"')} AS "lastSeenAt", ${isoUtc('f."resolvedAt"')} AS "resolvedAt", f.message,
            (SELECT count(*)::int FROM snapshot s WHERE s."clusterId" = f."clusterId" AND s.status IN ('succeeded', 'partial')
               AND s.seq >= f."firstSeq" AND (f."lastSeq" IS NULL OR s.seq <= f."lastSeq")) AS seen
     FROM finding f WHERE f."clusterId" = $1 AND f.fingerprint = $2 ORDER BY f."firstSeq" DESC`,
    [row.clusterId, row.fingerprint],
  );
  return {
    ...row,
    checkTitle: getCheckTitle(row.checkId),
    history: history.rows.map(({ seen: _seen, ...h }) => h),
    snapshotsSeen: history.rows.reduce((n, h) => n + h.seen, 0),
  };
}
