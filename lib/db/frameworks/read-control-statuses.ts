import type { FrameworkClusterOverview, StoredControl } from "@/lib/api/schemas/frameworks";
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

/** The trend's length: each cluster's latest completed snapshots, enough for the sparkline. */
const TREND_POINTS = 60;

/**
 * Every framework × cluster: the latest completed snapshot's counts and those of the ones before it
 * (up to TREND_POINTS snapshots), oldest first. The statuses are counted per snapshot first and
 * only then joined to the cluster, so the sort is over the counts, not over every stored status.
 */
export async function listFrameworkOverview(frameworkId?: string): Promise<FrameworkClusterOverview[]> {
  const { rows } = await getPool().query<CountRow>(
    `WITH snaps AS (
       SELECT s.id, s.seq, c.id AS "clusterId", c.name AS "clusterName" FROM cluster c
       CROSS JOIN LATERAL (SELECT id, seq FROM snapshot s WHERE s."clusterId" = c.id AND ${COMPLETED} ORDER BY s.seq DESC LIMIT $2) s),
     counts AS (
       SELECT cs."snapshotId", cs."frameworkId", cs."takenAt", cs."frameworkVersion", cs.status, cs.attested, count(*)::int AS n
         FROM snaps JOIN control_status cs ON cs."snapshotId" = snaps.id
        WHERE $1::text IS NULL OR cs."frameworkId" = $1
        GROUP BY 1, 2, 3, 4, 5, 6)
     SELECT snaps."clusterId", snaps."clusterName", counts."frameworkId", counts."snapshotId", snaps.seq, counts."takenAt", counts."frameworkVersion", counts.status, counts.attested, counts.n
       FROM counts JOIN snaps ON snaps.id = counts."snapshotId"
      ORDER BY snaps."clusterName", counts."frameworkId", counts."takenAt"`,
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
