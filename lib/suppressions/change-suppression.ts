import type { Caller } from "@/lib/access/caller";
import { checkExpiry } from "@/lib/approvals/check-expiry";
import { audit } from "@/lib/audit/audit";
import type { SuppressionUpdateRequest } from "@/lib/contracts/suppressions";
import { getCheckSettings } from "@/lib/db/settings/check-settings";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { getSuppressionOrThrow, updateSuppressionRow } from "@/lib/db/suppressions/suppression-rows";
import { AppError } from "@/lib/errors";

import { needsApproval } from "./needs-approval";

/** Changes the reason or expiry (its author or an admin); a critical or high one goes back for approval. */
export async function changeSuppression(
  id: string,
  patch: SuppressionUpdateRequest,
  actor: Caller,
): Promise<{ status: string }> {
  const s = await getSuppressionOrThrow(id);
  if (s.status === "revoked" || s.status === "expired")
    throw new AppError("CONFLICT", { userMessage: `This accepted risk is ${s.status}; propose a new one.` });
  if (s.authorId !== actor.userId && actor.role !== "admin")
    throw new AppError("FORBIDDEN", { userMessage: "Only its author or an admin can change it." });
  if (patch.expiresAt) checkExpiry(patch.expiresAt, "accepted risk");
  const status = needsApproval(s.checkId, await getCheckSettings()) ? "pending" : s.status;
  await updateSuppressionRow(id, {
    ...patch,
    status,
    editorId: actor.userId,
    ...(status === "pending" ? { approverId: null, approvedAt: null } : {}),
  });
  await audit(actor, "suppression.changed", { type: "suppression", id }, { changes: patch, status });
  await rescoreForAcceptedRisk(id, "changed");
  return { status };
}
