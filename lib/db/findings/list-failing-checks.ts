import { getPool } from "../pool";

export type FailingCheck = { checkId: string; clusterId: string; clusterName: string; resources: number };

/** Each check failing now, per cluster (or in one cluster), with the number of distinct resources it fails on, most first. */
export async function listFailingChecks(clusterId?: string): Promise<FailingCheck[]> {
  const { rows } = await getPool().query<FailingCheck>(
    `SELECT f."checkId", c.id AS "clusterId", c.name AS "clusterName", count(DISTINCT (f."resourceKind", f.namespace, f."resourceName"))::int AS resources
     FROM finding f JOIN cluster c ON c.id = f."clusterId" WHERE f."lastSeq" IS NULL AND ($1::text IS NULL OR f."clusterId" = $1)
     GROUP BY f."checkId", c.id, c.name ORDER BY resources DESC, f."checkId", c.name`,
    [clusterId ?? null],
  );
  return rows;
}
