import { getPool } from "../pool";

/** One page of cluster ids by name, and how many clusters there are: for pages that list clusters a page at a time. */
export async function listClusterIdPage(page: number, size: number): Promise<{ ids: string[]; total: number }> {
  const pool = getPool();
  const [{ rows }, count] = await Promise.all([
    pool.query<{ id: string }>(`SELECT id FROM cluster ORDER BY name LIMIT $1 OFFSET $2`, [size, (page - 1) * size]),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM cluster`),
  ]);
  return { ids: rows.map((r) => r.id), total: count.rows[0]!.n };
}
