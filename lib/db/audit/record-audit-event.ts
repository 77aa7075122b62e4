import type { Prisma } from "@/generated/prisma/client";

import { getPrisma } from "../client";

export type AuditActor = { userId: string | null; email: string | null; ip: string | null };

export type AuditEventInput = {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
};

/** Appends one event to the audit log; the table refuses UPDATE and DELETE (prisma/sql). */
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  await getPrisma().auditEvent.create({
    data: {
      actorId: event.actor.userId,
      actorEmail: event.actor.email,
      ip: event.actor.ip,
      action: event.action,
      targetType: event.target?.type,
      targetId: event.target?.id,
      details: (event.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}
