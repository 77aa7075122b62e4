import { getPool } from "../pool";
import { countClusters } from "./count-clusters";

/** One page of cluster ids by name, and how many clusters there are: for pages that list clusters a page at a time. */
export async function listClusterIdPage(page: number, size: number): Promise<{ ids: string[]; total: number }> {
  const [{ rows }, total] = await Promise.all([
    getPool().query<{ id: string }>(`SELECT id FROM cluster ORDER BY name LIMIT $1 OFFSET $2`, [
      size,
      (page - 1) * size,
    ]),
    countClusters(),
  ]);
  return { ids: rows.map((r) => r.id), total };
}
