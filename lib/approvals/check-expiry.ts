import { MAX_SUPPRESSION_DAYS } from "@/lib/contracts/suppressions";
import { AppError } from "@/lib/errors";

/** Accepted risks and attestations end within a year, and never in the past. */
export function checkExpiry(expiresAt: Date, noun: string, now = new Date()): void {
  if (expiresAt.getTime() <= now.getTime())
    throw new AppError("BAD_REQUEST", { userMessage: "The expiry must be in the future." });
  if (expiresAt.getTime() > now.getTime() + MAX_SUPPRESSION_DAYS * 86_400_000) {
    throw new AppError("BAD_REQUEST", {
      userMessage: `An ${noun} expires within ${MAX_SUPPRESSION_DAYS} days at most.`,
    });
  }
}
