import type { FrameworkClusterOverview, StoredControl } from "@/lib/contracts/frameworks";
import { summariseFramework } from "@/lib/frameworks/summarise-framework";
import type { ControlStatus as ControlStatusName } from "@/lib/frameworks/types";

import { getPool } from "../pool";

/** Statuses are read only from snapshots that completed: a running or failed scan has none to show. */
const COMPLETED = `s.status IN ('succeeded', 'partial')`;

type CountRow = {
  clusterId: string;
  clusterName: string;
  frameworkId: string;
  snapshotId: string;
  seq: number;
  takenAt: Date;
  frameworkVersion: string;
  status: ControlStatusName;
  attested: boolean | null;
  n: number;
};

/** The trend's length: each cluster's latest completed snapshots, a month of daily scans. */
const TREND_POINTS = 30;

/**
 * Every framework × cluster: the latest completed snapshot's counts and those of the ones before it
 * (up to TREND_POINTS snapshots), oldest first, from the counts stored per snapshot and status
 * (control-counts.ts) rather than from every stored status.
 */
export async function listFrameworkOverview(frameworkId?: string): Promise<FrameworkClusterOverview[]> {
  const { rows } = await getPool().query<CountRow>(
    `SELECT c.id AS "clusterId", c.name AS "clusterName", cc."frameworkId", cc."snapshotId", s.seq, cc."takenAt", cc."frameworkVersion", cc.status, cc.attested, cc.n
       FROM cluster c
       CROSS JOIN LATERAL (SELECT id, seq FROM snapshot s WHERE s."clusterId" = c.id AND ${COMPLETED} ORDER BY s.seq DESC LIMIT $2) s
       JOIN control_status_count cc ON cc."snapshotId" = s.id
      WHERE $1::text IS NULL OR cc."frameworkId" = $1
      ORDER BY c.name, cc."frameworkId", cc."takenAt"`,
    [frameworkId ?? null, TREND_POINTS],
  );
  const series = new Map<
    string,
    {
      head: CountRow;
      points: Map<string, { row: CountRow; controls: { status: ControlStatusName; attested: boolean }[] }>;
    }
  >();
  for (const r of rows) {
    const key = `${r.clusterId}\u0000${r.frameworkId}`;
    const s = series.get(key) ?? { head: r, points: new Map() };
    const p = s.points.get(r.snapshotId) ?? { row: r, controls: [] };
    for (let i = 0; i < r.n; i++) p.controls.push({ status: r.status, attested: r.attested === true });
    s.points.set(r.snapshotId, p);
    series.set(key, s);
  }
  return [...series.values()].map(({ head, points }) => {
    const trend = [...points.values()].map(({ row, controls }) => ({
      snapshotId: row.snapshotId,
      seq: row.seq,
      takenAt: row.takenAt.toISOString(),
      frameworkVersion: row.frameworkVersion,
      summary: summariseFramework(controls),
    }));
    return {
      clusterId: head.clusterId,
      clusterName: head.clusterName,
      frameworkId: head.frameworkId,
      latest: trend.at(-1)!,
      trend,
    };
  });
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
