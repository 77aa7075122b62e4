import type { Caller } from "@/lib/api/get-caller";
import { MAX_SUPPRESSION_DAYS } from "@/lib/api/schemas/suppressions";
import { AppError } from "@/lib/errors";

/** Accepted risks and attestations end within a year, and never in the past. */
export function checkExpiry(expiresAt: Date, noun: string, now = new Date()): void {
  if (expiresAt.getTime() <= now.getTime()) throw new AppError("BAD_REQUEST", { userMessage: "The expiry must be in the future." });
  if (expiresAt.getTime() > now.getTime() + MAX_SUPPRESSION_DAYS * 86_400_000) {
    throw new AppError("BAD_REQUEST", { userMessage: `An ${noun} expires within ${MAX_SUPPRESSION_DAYS} days at most.` });
  }
}

/** The second pair of eyes: only a pending item not yet expired, and never by its author or by whoever changed it last. */
export function checkApprovable(item: { status: string; authorId: string; editorId?: string | null; expiresAt?: Date }, approver: Caller, noun: string, { renew = "propose it again with a new expiry", now = new Date() } = {}): void {
  if (item.status !== "pending") throw new AppError("CONFLICT", { userMessage: `This ${noun} is ${item.status}, not waiting for approval.` });
  if (item.expiresAt && item.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("CONFLICT", { userMessage: `This ${noun} expired on ${item.expiresAt.toISOString().slice(0, 10)}: ${renew}.` });
  }
  if (item.authorId === approver.userId) throw new AppError("FORBIDDEN", { userMessage: "Someone other than the author must approve it." });
  if (item.editorId === approver.userId) throw new AppError("FORBIDDEN", { userMessage: "You changed it last: someone else must approve it." });
}
