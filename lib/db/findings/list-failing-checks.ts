import { getPool } from "../pool";
import { acceptedNow } from "../sql-fragments";

/** `open`: the open findings no accepted risk covers, the rows `/findings?cluster=…&check=…` lists. */
export type FailingCheck = { checkId: string; clusterId: string; clusterName: string; resources: number; open: number };

/** Each check failing now, per cluster (or in one cluster), with the number of distinct resources it fails on, most first. */
export async function listFailingChecks(clusterId?: string): Promise<FailingCheck[]> {
  const { rows } = await getPool().query<FailingCheck>(
    `SELECT f."checkId", c.id AS "clusterId", c.name AS "clusterName", count(DISTINCT (f."resourceKind", f.namespace, f."resourceName"))::int AS resources,
            count(*) FILTER (WHERE NOT ${acceptedNow("f")})::int AS open
     FROM finding f JOIN cluster c ON c.id = f."clusterId" WHERE f."lastSeq" IS NULL AND ($1::text IS NULL OR f."clusterId" = $1)
     GROUP BY f."checkId", c.id, c.name ORDER BY resources DESC, f."checkId", c.name`,
    [clusterId ?? null],
  );
  return rows;
}
