import { getPool } from "../pool";
import { failOrphanedSnapshots } from "./fail-snapshot";

export type StartedSnapshot = { id: string; seq: number; isNew: boolean };

/**
 * Opens a `running` snapshot for a cluster, or returns the one already running: a partial
 * unique index allows one running snapshot per cluster, so concurrent requests and several
 * app processes can never start two scans of one cluster. A running one whose process has died
 * (stale heartbeat) is marked failed first, so "scan now" replaces it instead of returning it.
 */
export async function startSnapshot(clusterId: string, trigger: "schedule" | "manual" | "import", startedAt: Date = new Date()): Promise<StartedSnapshot> {
  const pool = getPool();
  await failOrphanedSnapshots(clusterId);
  for (let attempt = 0; ; attempt++) {
    try {
      return await insertOrFind(pool, clusterId, trigger, startedAt);
    } catch (error) {
      // Two inserts raced for the same seq: the loser looks again and finds the winner's row.
      if ((error as { code?: string }).code !== "23505" || attempt > 2) throw error;
    }
  }
}

async function insertOrFind(pool: ReturnType<typeof getPool>, clusterId: string, trigger: string, startedAt: Date): Promise<StartedSnapshot> {
  const { rows } = await pool.query<{ id: string; seq: number }>(
    `INSERT INTO snapshot (id, "clusterId", seq, status, "startedAt", trigger, "isDemo")
     SELECT 'snp_' || replace(gen_random_uuid()::text, '-', ''), $1, COALESCE(MAX(seq), 0) + 1, 'running', $2, $3, c."isDemo"
     FROM cluster c LEFT JOIN snapshot s ON s."clusterId" = c.id WHERE c.id = $1 GROUP BY c."isDemo"
     ON CONFLICT ("clusterId") WHERE status = 'running' DO NOTHING
     RETURNING id, seq`,
    [clusterId, startedAt, trigger],
  );
  if (rows[0]) return { ...rows[0], isNew: true };
  const running = await pool.query<{ id: string; seq: number }>(`SELECT id, seq FROM snapshot WHERE "clusterId" = $1 AND status = 'running'`, [clusterId]);
  if (!running.rows[0]) throw new Error(`cluster ${clusterId} does not exist`);
  return { ...running.rows[0], isNew: false };
}
