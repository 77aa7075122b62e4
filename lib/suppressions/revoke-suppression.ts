import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { getSuppressionOrThrow, updateSuppressionRow } from "@/lib/db/suppressions/suppression-rows";
import { AppError } from "@/lib/errors";

/** Revokes an accepted risk: its findings count again at once (the latest snapshot is re-scored). */
export async function revokeSuppression(id: string, actor: Caller): Promise<void> {
  const s = await getSuppressionOrThrow(id);
  if (s.status === "revoked" || s.status === "expired")
    throw new AppError("CONFLICT", { userMessage: `This accepted risk is already ${s.status}.` });
  await updateSuppressionRow(id, { status: "revoked", revokedAt: new Date() });
  await audit(actor, "suppression.revoked", { type: "suppression", id });
  await rescoreForAcceptedRisk(id, "revoked");
}
