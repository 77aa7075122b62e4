import type { ControlRun, FrameworkClusterOverview, StoredControl } from "@/lib/contracts/frameworks";
import { summariseCounts, type StatusCounts } from "@/lib/frameworks/summarise-framework";

import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";
import { LINE_STATUS } from "./control-counts";

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
    `SELECT c.id AS "clusterId", c.name AS "clusterName", g."frameworkId", s.id AS "snapshotId", s.seq, g."takenAt",
            g."frameworkVersion", g.pass, g.fail, g."notEvaluated", g.manual, g."manualAttested", g."notApplicable"
       FROM cluster c
       CROSS JOIN LATERAL (SELECT id, seq FROM snapshot s WHERE s."clusterId" = c.id AND ${COMPLETED} ORDER BY s.seq DESC LIMIT $2) s
       CROSS JOIN LATERAL (
         SELECT cc."frameworkId", ${isoUtc(`min(cc."takenAt")`)} AS "takenAt", min(cc."frameworkVersion") AS "frameworkVersion",
                (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'pass'), 0))::int AS pass,
                (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'fail'), 0))::int AS fail,
                (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'not-evaluated'), 0))::int AS "notEvaluated",
                (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'manual'), 0))::int AS manual,
                (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'manual' AND cc.attested), 0))::int AS "manualAttested",
                (coalesce(sum(cc.n) FILTER (WHERE cc.status = 'not-applicable'), 0))::int AS "notApplicable"
           FROM control_status_count cc
          WHERE cc."snapshotId" = s.id AND ($1::text IS NULL OR cc."frameworkId" = $1)
          GROUP BY cc."frameworkId") g
      WHERE $3::text[] IS NULL OR c.id = ANY($3)
      ORDER BY c.name, g."frameworkId", g."takenAt"`,
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

/**
 * Each cluster's latest completed snapshot with statuses of framework $1 (cluster $2, or every one):
 * one probe per cluster down the (cluster, framework, takenAt) index, not a sort of every status
 * the framework ever had (a hundred clusters: 446 ms → a few).
 */
const LATEST = `latest AS (
       SELECT c.id AS "clusterId", l."snapshotId" FROM cluster c
        CROSS JOIN LATERAL (SELECT cs."snapshotId" FROM control_status cs JOIN snapshot s ON s.id = cs."snapshotId"
                             WHERE cs."clusterId" = c.id AND cs."frameworkId" = $1 AND ${COMPLETED}
                             ORDER BY cs."takenAt" DESC LIMIT 1) l
        WHERE $2::text IS NULL OR c.id = $2)`;

/** Each cluster's latest completed snapshot's controls of one framework (optionally one control), in framework order. */
export async function listLatestControls(
  frameworkId: string,
  opts: { clusterId?: string; controlId?: string } = {},
): Promise<StoredControl[]> {
  const { rows } = await getPool().query<StoredRow>(
    `WITH ${LATEST}
     SELECT ${COLUMNS}
       FROM control_status cs JOIN latest l ON l."snapshotId" = cs."snapshotId" JOIN snapshot s ON s.id = cs."snapshotId" JOIN cluster c ON c.id = cs."clusterId"
      WHERE cs."frameworkId" = $1 AND ($3::text IS NULL OR cs."controlId" = $3)
      ORDER BY c.name, cs.position`,
    [frameworkId, opts.clusterId ?? null, opts.controlId ?? null],
  );
  return rows.map(toStored);
}

/**
 * Per control, how many clusters' latest statuses are each status (and how many of them attested).
 * The fleet's standing on each control of a framework: the latest statuses of every cluster
 * (those listLatestControls lists), counted per control from each latest snapshot's stored line
 * (control-counts.ts), one row per cluster grouped by its list of controls: a hundred clusters ×
 * 130 controls are a hundred short strings, not 13,000 rows.
 */
export async function tallyLatestControls(frameworkId: string): Promise<Map<string, StatusCounts>> {
  // Lines of the same controls end to end: one string, each cluster's line `controls.length` long.
  const { rows } = await getPool().query<{ controls: string[]; lines: string }>(
    `WITH ${LATEST}
     SELECT v.controls, string_agg(v.statuses, '') AS lines
       FROM latest l JOIN control_status_line v ON v."snapshotId" = l."snapshotId" AND v."frameworkId" = $1
      GROUP BY v.controls`,
    [frameworkId, null],
  );
  const tally = new Map<string, StatusCounts>();
  for (const { controls, lines } of rows) {
    const counts = controls.map((id) => {
      if (!tally.has(id))
        tally.set(id, { pass: 0, fail: 0, notEvaluated: 0, manual: 0, manualAttested: 0, notApplicable: 0 });
      return tally.get(id)!;
    });
    for (let i = 0; i < lines.length; i++) {
      const count = counts[i % counts.length]!;
      for (const key of LINE_STATUS[lines[i] as keyof typeof LINE_STATUS] ?? []) count[key]++;
    }
  }
  return tally;
}

/**
 * One control's history on one cluster as runs of scans with the same status, attestation and
 * mapping, oldest first: what changed and when, not a row per daily scan. Read down the
 * (framework, control, cluster, time) index, so two years of scans cost what a month does.
 */
export async function listControlHistory(
  frameworkId: string,
  controlId: string,
  clusterId: string,
): Promise<ControlRun[]> {
  const { rows } = await getPool().query<ControlRun>(
    `WITH h AS (
       SELECT s.seq, cs."takenAt", cs.status, cs.attested, cs."frameworkVersion", cs."failingCount",
              CASE WHEN lag(cs.status) OVER w = cs.status AND lag(cs.attested) OVER w IS NOT DISTINCT FROM cs.attested
                        AND lag(cs."frameworkVersion") OVER w = cs."frameworkVersion" THEN 0 ELSE 1 END AS starts
         FROM control_status cs JOIN snapshot s ON s.id = cs."snapshotId"
        WHERE ${COMPLETED} AND cs."frameworkId" = $1 AND cs."controlId" = $2 AND cs."clusterId" = $3
       WINDOW w AS (ORDER BY cs."takenAt", s.seq)),
     runs AS (SELECT *, sum(starts) OVER (ORDER BY "takenAt", seq) AS run FROM h)
     SELECT min(status::text) AS status, bool_or(attested) AS attested, min("frameworkVersion") AS "frameworkVersion",
            min(seq) AS "fromSeq", max(seq) AS "toSeq", ${isoUtc(`min("takenAt")`)} AS "fromAt", ${isoUtc(`max("takenAt")`)} AS "toAt",
            count(*)::int AS scans, (array_agg("failingCount" ORDER BY seq DESC))[1] AS "failingCount"
       FROM runs GROUP BY run ORDER BY run`,
    [frameworkId, controlId, clusterId],
  );
  return rows;
}
