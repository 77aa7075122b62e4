import { getPool } from "../pool";

export type RetentionPolicy = { detailDays: number; scoreDays: number };
export const DEFAULT_RETENTION: RetentionPolicy = { detailDays: 90, scoreDays: 730 };

/**
 * Drops what is older than the retention periods: finding lifetimes that closed before the
 * detail cutoff and the warnings of old snapshots; snapshots (with their scores) only after the
 * longer score period, so trends outlive detail.
 */
export async function applyRetention(
  policy: RetentionPolicy = DEFAULT_RETENTION,
  now: Date = new Date(),
): Promise<{ findings: number; snapshots: number }> {
  const pool = getPool();
  const detailCutoff = new Date(now.getTime() - policy.detailDays * 86_400_000);
  const scoreCutoff = new Date(now.getTime() - policy.scoreDays * 86_400_000);
  const findings = await pool.query(`DELETE FROM finding WHERE "lastSeq" IS NOT NULL AND "resolvedAt" < $1`, [
    detailCutoff,
  ]);
  await pool.query(`UPDATE snapshot SET warnings = '[]', phases = '{}' WHERE "startedAt" < $1 AND warnings <> '[]'`, [
    detailCutoff,
  ]);
  const snapshots = await pool.query(`DELETE FROM snapshot WHERE "startedAt" < $1 AND status <> 'running'`, [
    scoreCutoff,
  ]);
  return { findings: findings.rowCount ?? 0, snapshots: snapshots.rowCount ?? 0 };
}
