import { getPool } from "../pool";

/** How many clusters have a completed snapshot, i.e. how many a check could be passing in. */
export async function countScannedClusters(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cluster cl
      WHERE EXISTS (SELECT 1 FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial'))`,
  );
  return rows[0]!.n;
}
