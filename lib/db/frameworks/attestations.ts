import type { Caller } from "@/lib/api/get-caller";
import type { AttestationCreateRequest, AttestationSummary } from "@/lib/api/schemas/frameworks";
import { AppError } from "@/lib/errors";
import { controlKey } from "@/lib/frameworks/evaluate-framework";
import { getFramework } from "@/lib/frameworks/registry";
import { checkApprovable, checkExpiry } from "../approvals";
import { getPrisma } from "../client";
import { getPool } from "../pool";

/** Attests a manual control on a cluster; active at once unless the control is critical, which needs a second person. */
export async function createAttestation(input: AttestationCreateRequest, author: Caller, now = new Date()): Promise<{ id: string; status: "pending" | "active" }> {
  const control = getFramework(input.frameworkId)?.controls.find((c) => c.id === input.controlId);
  if (!control) throw new AppError("NOT_FOUND", { userMessage: "No such control." });
  if (control.judged.by !== "manual") throw new AppError("BAD_REQUEST", { userMessage: "Only manual controls are attested: this one is judged by its checks." });
  checkExpiry(input.expiresAt, "attestation", now);
  const prisma = getPrisma();
  if (!(await prisma.cluster.findUnique({ where: { id: input.clusterId }, select: { id: true } }))) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  const status = control.critical ? "pending" : "active";
  const row = await prisma.attestation.create({
    data: { ...input, authorId: author.userId, status, approvedAt: status === "active" ? now : null },
  });
  return { id: row.id, status };
}

async function getOrThrow(id: string) {
  const a = await getPrisma().attestation.findUnique({ where: { id } });
  if (!a) throw new AppError("NOT_FOUND", { userMessage: "No such attestation." });
  return a;
}

/** What an attestation is about, as its audit entries name it. */
export type AttestationSubject = { frameworkId: string; controlId: string; clusterId: string };
const subject = (a: AttestationSubject): AttestationSubject => ({ frameworkId: a.frameworkId, controlId: a.controlId, clusterId: a.clusterId });

/** The second pair of eyes for a critical control: an analyst or admin who is not the author, before it expires. */
export async function approveAttestation(id: string, approver: Caller, now = new Date()): Promise<AttestationSubject> {
  const a = await getOrThrow(id);
  checkApprovable(a, approver, "attestation", { renew: "attest the control again with a new expiry", now });
  const { count } = await getPrisma().attestation.updateMany({ where: { id, status: "pending", expiresAt: { gt: now } }, data: { status: "active", approverId: approver.userId, approvedAt: now } });
  if (count === 0) throw new AppError("CONFLICT", { userMessage: "It changed meanwhile: reload." });
  return subject(a);
}

export async function revokeAttestation(id: string): Promise<AttestationSubject> {
  const a = await getOrThrow(id);
  if (a.status === "revoked") throw new AppError("CONFLICT", { userMessage: "This attestation is already revoked." });
  await getPrisma().attestation.update({ where: { id }, data: { status: "revoked", revokedAt: new Date() } });
  return subject(a);
}

/** Attestations, newest first, optionally of one framework or control; past their expiry they read "expired". */
export async function listAttestations(filter: { frameworkId?: string; controlId?: string } = {}, now = new Date()): Promise<AttestationSummary[]> {
  const { rows } = await getPool().query<Record<string, string | Date | null>>(
    `SELECT a.id, a."clusterId", c.name AS "clusterName", a."frameworkId", a."controlId", a.note, a.status::text, au.email AS author, ap.email AS approver,
            a."createdAt", a."approvedAt", a."expiresAt"
       FROM attestation a JOIN cluster c ON c.id = a."clusterId" LEFT JOIN "user" au ON au.id = a."authorId" LEFT JOIN "user" ap ON ap.id = a."approverId"
      WHERE ($1::text IS NULL OR a."frameworkId" = $1) AND ($2::text IS NULL OR a."controlId" = $2)
      ORDER BY a."createdAt" DESC`,
    [filter.frameworkId ?? null, filter.controlId ?? null],
  );
  const iso = (v: unknown) => (v ? (v as Date).toISOString() : null);
  return rows.map((r) => {
    const expiresAt = r.expiresAt as Date;
    const stored = r.status as AttestationSummary["status"];
    return {
      id: r.id as string,
      clusterId: r.clusterId as string,
      clusterName: r.clusterName as string,
      frameworkId: r.frameworkId as string,
      controlId: r.controlId as string,
      note: r.note as string,
      status: stored !== "revoked" && expiresAt.getTime() <= now.getTime() ? "expired" : stored,
      author: (r.author as string | null) ?? "(deleted user)",
      approver: r.approver as string | null,
      createdAt: iso(r.createdAt)!,
      approvedAt: iso(r.approvedAt),
      expiresAt: expiresAt.toISOString(),
    };
  });
}

/**
 * The manual controls of a cluster attested at `at` (approved by then, not expired, not revoked
 * by then), keyed `framework/control`. Attestations whose expiry has passed are marked expired
 * first, with an audit event, as accepted risks are.
 */
export async function attestedControls(clusterId: string, at: Date): Promise<Set<string>> {
  const prisma = getPrisma();
  const expired = await prisma.attestation.findMany({ where: { clusterId, status: "active", expiresAt: { lte: at } }, select: { id: true, frameworkId: true, controlId: true } });
  if (expired.length) {
    await prisma.$transaction([
      prisma.attestation.updateMany({ where: { id: { in: expired.map((e) => e.id) }, status: "active" }, data: { status: "expired" } }),
      prisma.auditEvent.createMany({ data: expired.map((e) => ({ action: "attestation.expired", targetType: "attestation", targetId: e.id, details: { frameworkId: e.frameworkId, controlId: e.controlId } })) }),
    ]);
  }
  const rows = await prisma.attestation.findMany({
    where: { clusterId, approvedAt: { lte: at }, expiresAt: { gt: at }, OR: [{ revokedAt: null }, { revokedAt: { gt: at } }] },
    select: { frameworkId: true, controlId: true },
  });
  return new Set(rows.map((r) => controlKey(r.frameworkId, r.controlId)));
}
