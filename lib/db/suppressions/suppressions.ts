import type { Caller } from "@/lib/api/get-caller";
import type { SuppressionCreateRequest, SuppressionSummary, SuppressionUpdateRequest } from "@/lib/api/schemas/suppressions";
import { effectiveSeverity, getCheckTitle } from "@/lib/checks/get-check-title";
import { AppError } from "@/lib/errors";
import { resourcePatternOf } from "@/lib/suppressions/match-suppression";
import { checkApprovable, checkExpiry as checkSharedExpiry } from "../approvals";
import { getPrisma } from "../client";
import { getPool } from "../pool";
import { getCheckSettings } from "../settings/check-settings";
import { ruleCoversFinding } from "../sql-fragments";

/** Critical and high findings need a second person before an exemption takes effect. */
const needsApproval = (severity: string) => severity === "critical" || severity === "high";

const checkExpiry = (expiresAt: Date) => checkSharedExpiry(expiresAt, "accepted risk");

/** Proposes an accepted risk for a finding's check at the chosen scope; active at once unless it needs approval. */
export async function createSuppression(input: SuppressionCreateRequest, author: Caller): Promise<{ id: string; status: "pending" | "active" }> {
  checkExpiry(input.expiresAt);
  const prisma = getPrisma();
  const finding = await prisma.finding.findUnique({ where: { id: BigInt(input.findingId) } });
  if (!finding) throw new AppError("NOT_FOUND", { userMessage: "No such finding." });
  const status = needsApproval(effectiveSeverity(finding.checkId, await getCheckSettings())) ? "pending" : "active";
  const row = await prisma.suppression.create({
    data: {
      clusterId: finding.clusterId,
      checkId: finding.checkId,
      namespace: input.scope === "cluster" ? null : finding.namespace,
      resourcePattern: input.scope === "resource" ? resourcePatternOf(finding.resourceKind, finding.resourceName) : null,
      reason: input.reason,
      authorId: author.userId,
      status,
      expiresAt: input.expiresAt,
      approvedAt: status === "active" ? new Date() : null,
    },
  });
  return { id: row.id, status };
}

async function getOrThrow(id: string) {
  const s = await getPrisma().suppression.findUnique({ where: { id } });
  if (!s) throw new AppError("NOT_FOUND", { userMessage: "No such accepted risk." });
  return s;
}

/** A second person approves: an analyst or admin who is neither the author nor the last to change it. */
export async function approveSuppression(id: string, approver: Caller): Promise<void> {
  const s = await getOrThrow(id);
  checkApprovable(s, approver, "accepted risk");
  // Only the version that was reviewed: a change in between (new updatedAt) makes this a conflict.
  const { count } = await getPrisma().suppression.updateMany({ where: { id, status: "pending", updatedAt: s.updatedAt }, data: { status: "active", approverId: approver.userId, approvedAt: new Date() } });
  if (count === 0) throw new AppError("CONFLICT", { userMessage: "It changed meanwhile: reload." });
}

/** Changes the reason or expiry; a critical or high one goes back for approval. */
export async function updateSuppression(id: string, patch: SuppressionUpdateRequest, actor: Caller): Promise<{ status: string }> {
  const s = await getOrThrow(id);
  if (s.status === "revoked" || s.status === "expired") throw new AppError("CONFLICT", { userMessage: `This accepted risk is ${s.status}; propose a new one.` });
  if (s.authorId !== actor.userId && actor.role !== "admin") throw new AppError("FORBIDDEN", { userMessage: "Only its author or an admin can change it." });
  if (patch.expiresAt) checkExpiry(patch.expiresAt);
  const status = needsApproval(effectiveSeverity(s.checkId, await getCheckSettings())) ? "pending" : s.status;
  await getPrisma().suppression.update({
    where: { id },
    data: { ...patch, status, editorId: actor.userId, ...(status === "pending" ? { approverId: null, approvedAt: null } : {}) },
  });
  return { status };
}

export async function revokeSuppression(id: string): Promise<void> {
  const s = await getOrThrow(id);
  if (s.status === "revoked" || s.status === "expired") throw new AppError("CONFLICT", { userMessage: `This accepted risk is already ${s.status}.` });
  await getPrisma().suppression.update({ where: { id }, data: { status: "revoked", revokedAt: new Date() } });
}

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
      expiresWithinWeek: (r.status === "active" || r.status === "pending") && expiresAt.getTime() - now.getTime() < 7 * 86_400_000,
    };
  });
}
