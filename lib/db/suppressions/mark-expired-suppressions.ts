import { getPool } from "../pool";

export type ExpiredSuppression = { id: string; clusterId: string; checkId: string };

/** Marks the active accepted risks whose expiry has passed by `at` (of one cluster, or all) expired; returns them. */
export async function markExpiredSuppressions(at: Date, clusterId?: string): Promise<ExpiredSuppression[]> {
  const { rows } = await getPool().query<ExpiredSuppression>(
    `UPDATE suppression SET status = 'expired'
     WHERE status = 'active' AND "expiresAt" <= $1 AND "clusterId" IS NOT NULL AND ($2::text IS NULL OR "clusterId" = $2)
     RETURNING id, "clusterId", "checkId"`,
    [at, clusterId ?? null],
  );
  return rows;
}
