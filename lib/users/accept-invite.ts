import { setPassword } from "@/lib/auth/create-user";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { findOneTimeToken } from "@/lib/db/users/one-time-token";
import { endUserSessionsAndTokens } from "@/lib/db/users/user-access";
import { AppError } from "@/lib/errors";

import { INVITE_PREFIX } from "./one-time-links";

const INVALID_LINK = "This link is invalid, used or expired. Ask an admin for a new one.";

/**
 * Sets the invited user's password; the link works once. A reissued invitation is account
 * recovery: every session the user had ends and their API tokens are revoked. `ip` is the
 * caller's address for the audit log (nobody is signed in yet).
 */
export async function acceptInvite(token: string, password: string, ip: string | null): Promise<{ userId: string }> {
  const identifier = await findOneTimeToken(token, INVITE_PREFIX, { consume: true });
  if (!identifier) throw new AppError("NOT_FOUND", { userMessage: INVALID_LINK });
  const userId = identifier.slice(INVITE_PREFIX.length);
  await setPassword(userId, password);
  await endUserSessionsAndTokens(userId);
  await recordAuditEvent({
    actor: { userId, email: null, ip },
    action: "user.invite_accepted",
    target: { type: "user", id: userId },
  });
  return { userId };
}
