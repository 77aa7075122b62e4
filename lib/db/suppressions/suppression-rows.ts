import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

export type SuppressionStatus = "pending" | "active" | "revoked" | "expired";

/** The finding an accepted risk is proposed from: its cluster, check and resource. */
export async function getFindingToAcceptOrThrow(findingId: string) {
  const finding = await getPrisma().finding.findUnique({ where: { id: BigInt(findingId) } });
  if (!finding) throw new AppError("NOT_FOUND", { userMessage: "No such finding." });
  return finding;
}

export async function getSuppressionOrThrow(id: string) {
  const s = await getPrisma().suppression.findUnique({ where: { id } });
  if (!s) throw new AppError("NOT_FOUND", { userMessage: "No such accepted risk." });
  return s;
}

export async function insertSuppression(data: {
  clusterId: string;
  checkId: string;
  namespace: string | null;
  resourcePattern: string | null;
  reason: string;
  authorId: string;
  status: "pending" | "active";
  expiresAt: Date;
  approvedAt: Date | null;
}): Promise<string> {
  return (await getPrisma().suppression.create({ data, select: { id: true } })).id;
}

/** Marks a pending accepted risk active, only if it is still the version last read (`updatedAt`); false when it changed. */
export async function markSuppressionApproved(
  id: string,
  readAt: Date,
  approverId: string,
  approvedAt: Date,
): Promise<boolean> {
  const { count } = await getPrisma().suppression.updateMany({
    where: { id, status: "pending", updatedAt: readAt },
    data: { status: "active", approverId, approvedAt },
  });
  return count > 0;
}

export async function updateSuppressionRow(
  id: string,
  data: {
    reason?: string;
    expiresAt?: Date;
    status?: SuppressionStatus;
    editorId?: string;
    approverId?: null;
    approvedAt?: null;
    revokedAt?: Date;
  },
): Promise<void> {
  await getPrisma().suppression.update({ where: { id }, data });
}
