import { auditSystem } from "@/lib/audit/audit";
import { rescoreLatestSnapshot } from "@/lib/db/snapshots/rescore-latest";
import { markExpiredSuppressions, type ExpiredSuppression } from "@/lib/db/suppressions/mark-expired-suppressions";

/** Ends the accepted risks (of one cluster, or all) whose expiry has passed by `at`, each recorded once in the audit log. */
export async function expireSuppressions(at: Date, clusterId?: string): Promise<ExpiredSuppression[]> {
  const expired = await markExpiredSuppressions(at, clusterId);
  for (const e of expired)
    await auditSystem("suppression.expired", { type: "suppression", id: e.id }, { checkId: e.checkId });
  return expired;
}

/**
 * Ends the accepted risks whose expiry has passed (run every minute) and re-scores their
 * clusters at once, so an expired exemption never keeps a score up until the next scan.
 * Returns how many clusters were re-scored.
 */
export async function expireAcceptedRisks(now = new Date()): Promise<number> {
  const byCluster = new Map<string, Set<string>>();
  for (const e of await expireSuppressions(now))
    byCluster.set(e.clusterId, (byCluster.get(e.clusterId) ?? new Set()).add(e.checkId));
  for (const [clusterId, checks] of byCluster)
    await rescoreLatestSnapshot(clusterId, `accepted risk expired: ${[...checks].sort().join(", ")}`, now);
  return byCluster.size;
}
