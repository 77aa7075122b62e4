import { getPool } from "../pool";

/** `open`: the open findings no accepted risk covers, the rows `/findings?cluster=…&check=…` lists. */
export type FailingCheck = { checkId: string; clusterId: string; clusterName: string; resources: number; open: number };

/**
 * Each check failing now, per cluster (or in one cluster), with the number of distinct resources it fails on, most first.
 * Read from the counts each scan writes and each re-score rewrites (write-failing-checks.ts), one row per cluster and check.
 */
export async function listFailingChecks(clusterId?: string): Promise<FailingCheck[]> {
  const { rows } = await getPool().query<FailingCheck>(
    `SELECT fc."checkId", c.id AS "clusterId", c.name AS "clusterName", fc.resources, fc.open
     FROM failing_check fc JOIN cluster c ON c.id = fc."clusterId"
     WHERE $1::text IS NULL OR fc."clusterId" = $1
     ORDER BY fc.resources DESC, fc."checkId", c.name`,
    [clusterId ?? null],
  );
  return rows;
}
