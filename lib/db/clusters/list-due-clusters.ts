import { getPool } from "../pool";

/** Enabled clusters whose last scan started at least their interval ago (or never), and none running. */
export async function listDueClusters(now: Date = new Date()): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT c.id FROM cluster c
     WHERE c.enabled AND NOT EXISTS (SELECT 1 FROM snapshot r WHERE r."clusterId" = c.id AND r.status = 'running')
       AND COALESCE((SELECT MAX(s."startedAt") FROM snapshot s WHERE s."clusterId" = c.id), 'epoch') <= $1::timestamptz - make_interval(mins => c."scheduleMinutes")`,
    [now],
  );
  return rows.map((r) => r.id);
}
