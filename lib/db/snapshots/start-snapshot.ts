import type pg from "pg";

import { getPool } from "../pool";
import { failOrphanedSnapshots } from "./fail-orphaned-snapshots";

export type StartedSnapshot = { id: string; seq: number; isNew: boolean };

/** Runs SQL on the transaction that opens the snapshot (pg-boss's `db` option takes it). */
export type TransactionSql = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * Opens a `running` snapshot for a cluster, or returns the one already running: a partial
 * unique index allows one running snapshot per cluster, so concurrent requests and several
 * app processes can never start two scans of one cluster. A running one whose process has died
 * (stale heartbeat) is marked failed first, so "scan now" replaces it instead of returning it.
 * `alsoForNew` runs in the same transaction for a new snapshot (queueing its job): if it fails,
 * no snapshot is left that nothing will ever run.
 */
export async function startSnapshot(
  clusterId: string,
  trigger: "schedule" | "manual" | "import",
  startedAt: Date = new Date(),
  alsoForNew?: (snapshot: StartedSnapshot, tx: TransactionSql) => Promise<void>,
): Promise<StartedSnapshot> {
  const pool = getPool();
  await failOrphanedSnapshots(clusterId);
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      await client.query("BEGIN");
      const snapshot = await insertOrFind(client, clusterId, trigger, startedAt);
      if (snapshot.isNew && alsoForNew)
        await alsoForNew(snapshot, { executeSql: (text, values) => client.query(text, values) });
      await client.query("COMMIT");
      return snapshot;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await client.query("ROLLBACK").catch(() => {});
      // Two inserts raced for the same seq: the loser looks again and finds the winner's row.
      if ((error as { code?: string }).code !== "23505" || attempt > 2) throw error;
    } finally {
      client.release((failure as { code?: string } | undefined)?.code === "23505" ? undefined : failure);
    }
  }
}

async function insertOrFind(
  db: pg.PoolClient,
  clusterId: string,
  trigger: string,
  startedAt: Date,
): Promise<StartedSnapshot> {
  const { rows } = await db.query<{ id: string; seq: number }>(
    `INSERT INTO snapshot (id, "clusterId", seq, status, "startedAt", trigger, "isDemo")
     SELECT 'snp_' || replace(gen_random_uuid()::text, '-', ''), $1, COALESCE(MAX(seq), 0) + 1, 'running', $2, $3, c."isDemo"
     FROM cluster c LEFT JOIN snapshot s ON s."clusterId" = c.id WHERE c.id = $1 GROUP BY c."isDemo"
     ON CONFLICT ("clusterId") WHERE status = 'running' DO NOTHING
     RETURNING id, seq`,
    [clusterId, startedAt, trigger],
  );
  if (rows[0]) return { ...rows[0], isNew: true };
  const running = await db.query<{ id: string; seq: number }>(
    `SELECT id, seq FROM snapshot WHERE "clusterId" = $1 AND status = 'running'`,
    [clusterId],
  );
  if (!running.rows[0]) throw new Error(`cluster ${clusterId} does not exist`);
  return { ...running.rows[0], isNew: false };
}
