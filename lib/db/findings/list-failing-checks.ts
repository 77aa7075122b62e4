import { getPool } from "../pool";
import { ruleCoversFinding } from "../sql-fragments";

/** `open`: the open findings no accepted risk covers, the rows `/findings?cluster=…&check=…` lists. */
export type FailingCheck = { checkId: string; clusterId: string; clusterName: string; resources: number; open: number };

/**
 * Each check failing now, per cluster (or in one cluster), with the number of distinct resources it fails on, most first.
 * The open findings an accepted risk covers are found from the rules' side (each rule's cluster and check, by index)
 * and joined once, instead of a rule lookup for every open finding.
 */
export async function listFailingChecks(clusterId?: string): Promise<FailingCheck[]> {
  const { rows } = await getPool().query<FailingCheck>(
    `WITH covered AS (
       SELECT DISTINCT f.id FROM suppression s JOIN finding f ON f."lastSeq" IS NULL AND ${ruleCoversFinding("s", "f")}
       WHERE s.status = 'active' AND s."expiresAt" > now() AND ($1::text IS NULL OR s."clusterId" = $1))
     SELECT f."checkId", c.id AS "clusterId", c.name AS "clusterName", count(DISTINCT (f."resourceKind", f.namespace, f."resourceName"))::int AS resources,
            (count(*) - count(covered.id))::int AS open
     FROM finding f JOIN cluster c ON c.id = f."clusterId" LEFT JOIN covered ON covered.id = f.id
     WHERE f."lastSeq" IS NULL AND ($1::text IS NULL OR f."clusterId" = $1)
     GROUP BY f."checkId", c.id, c.name ORDER BY resources DESC, f."checkId", c.name`,
    [clusterId ?? null],
  );
  return rows;
}
