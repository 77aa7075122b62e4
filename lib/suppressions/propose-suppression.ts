import type { Caller } from "@/lib/access/caller";
import { checkExpiry } from "@/lib/approvals/check-expiry";
import { audit } from "@/lib/audit/audit";
import type { SuppressionCreateRequest } from "@/lib/contracts/suppressions";
import { getCheckSettings } from "@/lib/db/settings/check-settings";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { getFindingToAcceptOrThrow, insertSuppression } from "@/lib/db/suppressions/suppression-rows";
import { resourcePatternOf } from "@/lib/scoring/match-suppression";

import { needsApproval } from "./needs-approval";

/**
 * Proposes an accepted risk for a finding's check at the chosen scope. Active at once (and the
 * latest snapshot re-scored) unless it needs approval.
 */
export async function proposeSuppression(
  input: SuppressionCreateRequest,
  author: Caller,
): Promise<{ id: string; status: "pending" | "active" }> {
  checkExpiry(input.expiresAt, "accepted risk");
  const finding = await getFindingToAcceptOrThrow(input.findingId);
  const status = needsApproval(finding.checkId, await getCheckSettings()) ? "pending" : "active";
  const id = await insertSuppression({
    clusterId: finding.clusterId,
    checkId: finding.checkId,
    namespace: input.scope === "cluster" ? null : finding.namespace,
    resourcePattern: input.scope === "resource" ? resourcePatternOf(finding.resourceKind, finding.resourceName) : null,
    reason: input.reason,
    authorId: author.userId,
    status,
    expiresAt: input.expiresAt,
    approvedAt: status === "active" ? new Date() : null,
  });
  await audit(
    author,
    "suppression.created",
    { type: "suppression", id },
    { findingId: input.findingId, scope: input.scope, reason: input.reason, expiresAt: input.expiresAt, status },
  );
  if (status === "active") await rescoreForAcceptedRisk(id, "created");
  return { id, status };
}
