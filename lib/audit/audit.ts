import type { Caller } from "@/lib/access/caller";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";

/** Records what a caller did, with who and from where taken from the request, never from input. */
export async function audit(
  caller: Caller,
  action: string,
  target?: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvent({
    actor: { userId: caller.userId, email: caller.email, ip: caller.ip },
    action,
    target,
    details: { ...details, ...(caller.via === "token" ? { via: "api-token" } : {}) },
  });
}

/** Records what Bulwark itself did (an expiry, a sweep): no person, no address. */
export async function auditSystem(
  action: string,
  target: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvent({ actor: { userId: null, email: null, ip: null }, action, target, details });
}
