import { getPool } from "../pool";

export type FailingCount = { clusterId: string; clusterName: string; resources: number };

/** For each check, the clusters where it fails now and on how many distinct resources (open, unsuppressed or not). */
export async function countFailingByCheck(): Promise<Map<string, FailingCount[]>> {
  const { rows } = await getPool().query<{ checkId: string } & FailingCount>(
    `SELECT f."checkId", c.id AS "clusterId", c.name AS "clusterName", count(DISTINCT (f."resourceKind", f.namespace, f."resourceName"))::int AS resources
     FROM finding f JOIN cluster c ON c.id = f."clusterId" WHERE f."lastSeq" IS NULL GROUP BY f."checkId", c.id, c.name ORDER BY c.name`,
  );
  const byCheck = new Map<string, FailingCount[]>();
  for (const { checkId, ...count } of rows) byCheck.set(checkId, [...(byCheck.get(checkId) ?? []), count]);
  return byCheck;
}
