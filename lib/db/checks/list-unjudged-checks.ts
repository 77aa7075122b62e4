import type { UnjudgedCheck } from "@/lib/contracts/checks";

import { getPool } from "../pool";

/**
 * The checks each cluster's latest completed snapshot could not judge: not evaluated (a
 * permission, a failed read) or not applicable there. A check with no findings is "passing"
 * only where it was evaluated.
 */
export async function listUnjudgedChecks(): Promise<UnjudgedCheck[]> {
  const { rows } = await getPool().query<UnjudgedCheck>(
    `SELECT c->>'checkId' AS "checkId", cl.id AS "clusterId", cl.name AS "clusterName", c->>'status' AS status
       FROM cluster cl
       JOIN LATERAL (SELECT checks FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial')
                     ORDER BY s.seq DESC LIMIT 1) latest ON true
       CROSS JOIN LATERAL jsonb_array_elements(latest.checks) c
      WHERE c->>'status' IN ('not-evaluated', 'not-applicable')
      ORDER BY cl.name`,
  );
  return rows;
}

/** How many clusters have a completed snapshot, i.e. how many a check could be passing in. */
export async function countScannedClusters(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cluster cl
      WHERE EXISTS (SELECT 1 FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial'))`,
  );
  return rows[0]!.n;
}
