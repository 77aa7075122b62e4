import type { Caller } from "@/lib/access/caller";
import { AppError } from "@/lib/errors";

/** The second pair of eyes: only a pending item not yet expired, and never by its author or by whoever changed it last. */
export function checkApprovable(
  item: { status: string; authorId: string; editorId?: string | null; expiresAt?: Date },
  approver: Caller,
  noun: string,
  { renew = "propose it again with a new expiry", now = new Date() } = {},
): void {
  if (item.status !== "pending")
    throw new AppError("CONFLICT", { userMessage: `This ${noun} is ${item.status}, not waiting for approval.` });
  if (item.expiresAt && item.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("CONFLICT", {
      userMessage: `This ${noun} expired on ${item.expiresAt.toISOString().slice(0, 10)}: ${renew}.`,
    });
  }
  if (item.authorId === approver.userId)
    throw new AppError("FORBIDDEN", { userMessage: "Someone other than the author must approve it." });
  if (item.editorId === approver.userId)
    throw new AppError("FORBIDDEN", { userMessage: "You changed it last: someone else must approve it." });
}
