import type { AttestationCreateRequest, AttestationSummary } from "@/lib/contracts/frameworks";
import { AppError } from "@/lib/errors";
import { controlKey } from "@/lib/frameworks/evaluate-framework";

import { getPrisma } from "../client";
import { getPool } from "../pool";

/** An attestation as stored (the verbs in lib/attestations read it). */
export async function getAttestationOrThrow(id: string) {
  const a = await getPrisma().attestation.findUnique({ where: { id } });
  if (!a) throw new AppError("NOT_FOUND", { userMessage: "No such attestation." });
  return a;
}

export async function clusterExists(id: string): Promise<boolean> {
  return (await getPrisma().cluster.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export async function insertAttestation(
  data: AttestationCreateRequest & { authorId: string; status: "pending" | "active"; approvedAt: Date | null },
): Promise<string> {
  return (await getPrisma().attestation.create({ data, select: { id: true } })).id;
}

/** Marks a pending attestation active if it has not expired by `now`; false when it changed or expired meanwhile. */
export async function markAttestationApproved(id: string, approverId: string, now: Date): Promise<boolean> {
  const { count } = await getPrisma().attestation.updateMany({
    where: { id, status: "pending", expiresAt: { gt: now } },
    data: { status: "active", approverId, approvedAt: now },
  });
  return count > 0;
}

export async function markAttestationRevoked(id: string, at: Date): Promise<void> {
  await getPrisma().attestation.update({ where: { id }, data: { status: "revoked", revokedAt: at } });
}

/** Attestations, newest first, optionally of one framework or control; past their expiry they read "expired". */
export async function listAttestations(
  filter: { frameworkId?: string; controlId?: string } = {},
  now = new Date(),
): Promise<AttestationSummary[]> {
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
 * by then), keyed `framework/control`.
 */
export async function attestedControls(clusterId: string, at: Date): Promise<Set<string>> {
  const prisma = getPrisma();
  const rows = await prisma.attestation.findMany({
    where: {
      clusterId,
      approvedAt: { lte: at },
      expiresAt: { gt: at },
      OR: [{ revokedAt: null }, { revokedAt: { gt: at } }],
    },
    select: { frameworkId: true, controlId: true },
  });
  return new Set(rows.map((r) => controlKey(r.frameworkId, r.controlId)));
}

export type ExpiredAttestation = { id: string; frameworkId: string; controlId: string };

/** Marks a cluster's active attestations whose expiry has passed by `at` expired; returns them. */
export async function markExpiredAttestations(clusterId: string, at: Date): Promise<ExpiredAttestation[]> {
  const { rows } = await getPool().query<ExpiredAttestation>(
    `UPDATE attestation SET status = 'expired' WHERE "clusterId" = $1 AND status = 'active' AND "expiresAt" <= $2
     RETURNING id, "frameworkId", "controlId"`,
    [clusterId, at],
  );
  return rows;
}
