import { effectiveSeverity, getCheckTitle } from "@/lib/checks/get-check-title";
import type { SuppressionListQuery, SuppressionPage, SuppressionSummary } from "@/lib/contracts/suppressions";

import { getPool } from "../pool";
import { getCheckSettings } from "../settings/check-settings";
import { ruleCoversFinding } from "../sql-fragments";

/**
 * A page of accepted risks, newest first, with who proposed and approved each and how many open
 * findings it covers now (counted for that page's rules only), the number of them all and of
 * those expiring within a week.
 */
export async function listSuppressionPage(query: SuppressionListQuery, now = new Date()): Promise<SuppressionPage> {
  const [data, counts] = await Promise.all([
    listSuppressions({ limit: query.limit, offset: (query.page - 1) * query.limit }, now),
    getPool().query<{ total: number; expiring: number }>(
      `SELECT count(*)::int AS total,
              (count(*) FILTER (WHERE status IN ('active', 'pending') AND "expiresAt" < $1::timestamptz + interval '7 days'))::int AS expiring
         FROM suppression`,
      [now],
    ),
  ]);
  return { data, total: counts.rows[0]!.total, expiringWithinWeek: counts.rows[0]!.expiring };
}

/**
 * Accepted risks, newest first (`limit`/`offset`: a page of them; `checkIds`: only those on these
 * checks), with who proposed and approved each and how many open findings it covers now.
 */
export async function listSuppressions(
  page: { limit: number | null; offset: number; checkIds?: readonly string[] } = { limit: null, offset: 0 },
  now = new Date(),
): Promise<SuppressionSummary[]> {
  const { rows } = await getPool().query<Record<string, string | number | null>>(
    // The page first, then each of its rules' open findings: never counted for rules off the page.
    `SELECT s.id, s."clusterId", c.name AS "clusterName", s."checkId", s.namespace, s."resourcePattern", s.reason, s.status::text,
            a.email AS author, ap.email AS approver, s."createdAt", s."approvedAt", s."expiresAt",
            (SELECT count(*)::int FROM finding f WHERE f."lastSeq" IS NULL AND ${ruleCoversFinding("s", "f")}) AS matching
     FROM (SELECT * FROM suppression WHERE $3::text[] IS NULL OR "checkId" = ANY($3)
            ORDER BY "createdAt" DESC, id LIMIT $1 OFFSET $2) s
     LEFT JOIN cluster c ON c.id = s."clusterId" JOIN "user" a ON a.id = s."authorId" LEFT JOIN "user" ap ON ap.id = s."approverId"
     ORDER BY s."createdAt" DESC, s.id`,
    [page.limit, page.offset, page.checkIds ?? null],
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
