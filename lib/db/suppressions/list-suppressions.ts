import { effectiveSeverity, getCheckTitle } from "@/lib/checks/get-check-title";
import type { SuppressionSummary } from "@/lib/contracts/suppressions";

import { getPool } from "../pool";
import { getCheckSettings } from "../settings/check-settings";
import { ruleCoversFinding } from "../sql-fragments";

/** Every accepted risk, newest first, with who proposed and approved it and how many open findings it covers now. */
export async function listSuppressions(now = new Date()): Promise<SuppressionSummary[]> {
  const { rows } = await getPool().query<Record<string, string | number | null>>(
    `SELECT s.id, s."clusterId", c.name AS "clusterName", s."checkId", s.namespace, s."resourcePattern", s.reason, s.status::text,
            a.email AS author, ap.email AS approver, s."createdAt", s."approvedAt", s."expiresAt",
            (SELECT count(*)::int FROM finding f WHERE f."lastSeq" IS NULL AND ${ruleCoversFinding("s", "f")}) AS matching
     FROM suppression s LEFT JOIN cluster c ON c.id = s."clusterId" JOIN "user" a ON a.id = s."authorId" LEFT JOIN "user" ap ON ap.id = s."approverId"
     ORDER BY s."createdAt" DESC`,
  );
  const settings = await getCheckSettings();
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return rows.map((r) => {
    const expiresAt = new Date(r.expiresAt as string);
    return {
      id: r.id as string,
      clusterId: r.clusterId as string | null,
      clusterName: r.clusterName as string | null,
      checkId: r.checkId as string,
      checkTitle: getCheckTitle(r.checkId as string),
      severity: effectiveSeverity(r.checkId as string, settings),
      scope: r.resourcePattern ? "resource" : r.namespace ? "namespace" : "cluster",
      namespace: r.namespace as string | null,
      resourcePattern: r.resourcePattern as string | null,
      reason: r.reason as string,
      status: r.status as SuppressionSummary["status"],
      author: r.author as string,
      approver: r.approver as string | null,
      createdAt: iso(r.createdAt)!,
      approvedAt: iso(r.approvedAt),
      expiresAt: expiresAt.toISOString(),
      matching: r.matching as number,
      expiresWithinWeek:
        (r.status === "active" || r.status === "pending") && expiresAt.getTime() - now.getTime() < 7 * 86_400_000,
    };
  });
}
