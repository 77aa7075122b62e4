import type { Caller } from "@/lib/access/caller";
import { checkApprovable } from "@/lib/approvals/check-approvable";
import { audit } from "@/lib/audit/audit";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { getSuppressionOrThrow, markSuppressionApproved } from "@/lib/db/suppressions/suppression-rows";
import { AppError } from "@/lib/errors";

/** A second person approves: an analyst or admin who is neither the author nor the last to change it. */
export async function approveSuppression(id: string, approver: Caller): Promise<void> {
  const s = await getSuppressionOrThrow(id);
  checkApprovable(s, approver, "accepted risk");
  // Only the version that was reviewed: a change in between (new updatedAt) makes this a conflict.
  if (!(await markSuppressionApproved(id, s.updatedAt, approver.userId, new Date())))
    throw new AppError("CONFLICT", { userMessage: "It changed meanwhile: reload." });
  await audit(approver, "suppression.approved", { type: "suppression", id });
  await rescoreForAcceptedRisk(id, "approved");
}
