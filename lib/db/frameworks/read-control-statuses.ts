import type { FrameworkClusterOverview, StoredControl } from "@/lib/contracts/frameworks";
import { summariseCounts, type StatusCounts } from "@/lib/frameworks/summarise-framework";

import { getPool } from "../pool";

/** Statuses are read only from snapshots that completed: a running or failed scan has none to show. */
const COMPLETED = `s.status IN ('succeeded', 'partial')`;

type SummaryRow = {
  clusterId: string;
  clusterName: string;
  frameworkId: string;
  snapshotId: string;
  seq: number;
  /** ISO 8601, formatted by Postgres: thousands of points are not worth a Date each. */
  takenAt: string;
  frameworkVersion: string;
} & StatusCounts;

/** The trend's length: each cluster's latest completed snapshots, a month of daily scans. */
const TREND_POINTS = 30;

/**
 * Every framework × cluster: the latest completed snapshot's counts and those of the ones before it
 * (up to TREND_POINTS snapshots), oldest first, summed per snapshot in SQL from the counts stored per
 * snapshot and status (control-counts.ts) rather than from every stored status.
 */
export async function listFrameworkOverview(
  frameworkId?: string,
  clusterIds?: readonly string[],
): Promise<FrameworkClusterOverview[]> {
  const { rows } = await getPool().query<SummaryRow>(
    `SELECT c.id AS "clusterId", c.name AS "clusterName", cc."frameworkId", cc."snapshotId", s.seq,
            to_char(min(cc."takenAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "takenAt",
            min(cc."frameworkVersion") AS "frameworkVersion",
            (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'pass'), 0))::int AS pass,
            (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'fail'), 0))::int AS fail,
            (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'not-evaluated'), 0))::int AS "notEvaluated",
            (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'manual'), 0))::int AS manual,
            (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'manual' AND cc.attested), 0))::int AS "manualAttested",
            (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'not-applicable'), 0))::int AS "notApplicable"
       FROM cluster c
       CROSS JOIN LATERAL (SELECT id, seq FROM snapshot s WHERE s."clusterId" = c.id AND ${COMPLETED} ORDER BY s.seq DESC LIMIT $2) s
       JOIN control_status_count cc ON cc."snapshotId" = s.id
      WHERE ($1::text IS NULL OR cc."frameworkId" = $1) AND ($3::text[] IS NULL OR c.id = ANY($3))
      GROUP BY c.id, c.name, cc."frameworkId", cc."snapshotId", s.seq
      ORDER BY c.name, cc."frameworkId", min(cc."takenAt")`,
    [frameworkId ?? null, TREND_POINTS, clusterIds ?? null],
  );
  const series = new Map<string, FrameworkClusterOverview>();
  for (const { clusterId, clusterName, frameworkId, snapshotId, seq, takenAt, frameworkVersion, ...counts } of rows) {
    const point = { snapshotId, seq, takenAt, frameworkVersion, summary: summariseCounts(counts) };
    const key = `${clusterId}\u0000${frameworkId}`;
    const s = series.get(key);
    if (s) {
      s.trend.push(point);
      s.latest = point;
    } else series.set(key, { clusterId, clusterName, frameworkId, latest: point, trend: [point] });
  }
  return [...series.values()];
}

type StoredRow = Omit<StoredControl, "takenAt"> & { takenAt: Date };
const toStored = (r: StoredRow): StoredControl => ({ ...r, takenAt: r.takenAt.toISOString() });
const COLUMNS = `cs."clusterId", c.name AS "clusterName", cs."snapshotId", s.seq, cs."takenAt", cs."frameworkVersion", cs."controlId", cs.section, cs.title, cs.status, cs.checks, cs.failing, cs."failingCount", cs."evaluatedCount", cs.reason, cs.attested`;

/** Each cluster's latest completed snapshot's controls of one framework (optionally one control), in framework order. */
export async function listLatestControls(
  frameworkId: string,
  opts: { clusterId?: string; controlId?: string } = {},
): Promise<StoredControl[]> {
  const { rows } = await getPool().query<StoredRow>(
    `WITH latest AS (
       SELECT DISTINCT ON (cs."clusterId") cs."clusterId", cs."snapshotId"
         FROM control_status cs JOIN snapshot s ON s.id = cs."snapshotId"
        WHERE ${COMPLETED} AND cs."frameworkId" = $1 AND ($2::text IS NULL OR cs."clusterId" = $2)
        ORDER BY cs."clusterId", cs."takenAt" DESC)
     SELECT ${COLUMNS}
       FROM control_status cs JOIN latest l ON l."snapshotId" = cs."snapshotId" JOIN snapshot s ON s.id = cs."snapshotId" JOIN cluster c ON c.id = cs."clusterId"
      WHERE cs."frameworkId" = $1 AND ($3::text IS NULL OR cs."controlId" = $3)
      ORDER BY c.name, cs.position`,
    [frameworkId, opts.clusterId ?? null, opts.controlId ?? null],
  );
  return rows.map(toStored);
}

/** One control's stored status in every completed snapshot, per cluster, oldest first. */
export async function listControlHistory(frameworkId: string, controlId: string): Promise<StoredControl[]> {
  const { rows } = await getPool().query<StoredRow>(
    `SELECT ${COLUMNS}
       FROM control_status cs JOIN snapshot s ON s.id = cs."snapshotId" JOIN cluster c ON c.id = cs."clusterId"
      WHERE ${COMPLETED} AND cs."frameworkId" = $1 AND cs."controlId" = $2
      ORDER BY c.name, cs."takenAt"`,
    [frameworkId, controlId],
  );
  return rows.map(toStored);
}
