import type { Severity } from "@/lib/checks/types";

import { FINDING_COLUMNS, FINDING_FROM } from "../findings/finding-sql";
import { getPool } from "../pool";

/** Opened by snapshot $2 of cluster $1, still open, not covered by an accepted risk, of severity in $3. */
const NEW_IN_SNAPSHOT = `WHERE f."clusterId" = $1 AND f."firstSeq" = $2 AND f."lastSeq" IS NULL AND sup.id IS NULL AND f.severity::text = ANY($3::text[])`;

export type NewFindings = {
  /** Per severity, most severe first; severities with none are left out. */
  bySeverity: { severity: string; n: number }[];
  total: number;
  /** The first `limit` of them, most severe first, as finding rows (with the cluster's name). */
  rows: Record<string, string>[];
};

/** Whether the cluster has a completed scan before this one (its first scan is its baseline). */
export async function hasEarlierCompletedScan(clusterId: string, seq: number): Promise<boolean> {
  const { rowCount } = await getPool().query(
    `SELECT 1 FROM snapshot WHERE "clusterId" = $1 AND seq < $2 AND status IN ('succeeded', 'partial') LIMIT 1`,
    [clusterId, seq],
  );
  return (rowCount ?? 0) > 0;
}

/** The findings a snapshot opened, of the given severities, that no accepted risk covers. */
export async function listNewFindings(
  clusterId: string,
  seq: number,
  severities: readonly Severity[],
  limit: number,
): Promise<NewFindings> {
  const pool = getPool();
  const values = [clusterId, seq, severities];
  const bySeverity = await pool.query<{ severity: string; n: number }>(
    `SELECT f.severity::text AS severity, count(*)::int AS n FROM ${FINDING_FROM} ${NEW_IN_SNAPSHOT} GROUP BY f.severity ORDER BY f.severity`,
    values,
  );
  const total = bySeverity.rows.reduce((n, r) => n + r.n, 0);
  if (total === 0) return { bySeverity: [], total, rows: [] };
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} ${NEW_IN_SNAPSHOT} ORDER BY f.severity, f.id LIMIT ${Number(limit)}`,
    values,
  );
  return { bySeverity: bySeverity.rows, total, rows };
}
