import type { UserInviteRequest } from "@/lib/api/schemas/users";
import { createOneTimeToken, findOneTimeToken } from "@/lib/db/users/one-time-token";
import { AppError } from "@/lib/errors";
import { appUrl } from "./app-origin";
import { createUser, setPassword } from "./create-user";
import { SETUP_IDENTIFIER } from "./ensure-first-admin";
import { countUsers } from "@/lib/db/users/list-users";
import { endUserSessionsAndTokens } from "@/lib/db/users/user-access";

const INVITE_TTL_MS = 7 * 24 * 3_600_000;
const INVITE_PREFIX = "invite:";

/** Creates the user without a password and returns a one-time link (7 days) for them to set one. */
export async function inviteUser(input: UserInviteRequest): Promise<{ id: string; inviteUrl: string; expiresAt: string }> {
  const user = await createUser(input);
  const secret = await createOneTimeToken(INVITE_PREFIX + user.id, INVITE_TTL_MS);
  return { id: user.id, inviteUrl: `${appUrl()}/invite?token=${secret}`, expiresAt: new Date(Date.now() + INVITE_TTL_MS).toISOString() };
}

/** A new link for a user who lost theirs; the old one stops working. */
export async function reissueInvite(userId: string): Promise<{ inviteUrl: string }> {
  const secret = await createOneTimeToken(INVITE_PREFIX + userId, INVITE_TTL_MS);
  return { inviteUrl: `${appUrl()}/invite?token=${secret}` };
}

const INVALID_LINK = "This link is invalid, used or expired. Ask an admin for a new one.";

/**
 * Sets the invited user's password; the link works once. A reissued invitation is account
 * recovery: every session the user had ends and their API tokens are revoked.
 */
export async function acceptInvite(token: string, password: string): Promise<{ userId: string }> {
  const identifier = await findOneTimeToken(token, INVITE_PREFIX, { consume: true });
  if (!identifier) throw new AppError("NOT_FOUND", { userMessage: INVALID_LINK });
  const userId = identifier.slice(INVITE_PREFIX.length);
  await setPassword(userId, password);
  await endUserSessionsAndTokens(userId);
  return { userId };
}

/** Creates the first admin from the setup link printed at first start; refused once anyone exists. */
export async function completeSetup(input: { token: string; email: string; name: string; password: string }): Promise<{ userId: string }> {
  if ((await countUsers()) > 0) throw new AppError("CONFLICT", { userMessage: "Bulwark is already set up: sign in instead." });
  const identifier = await findOneTimeToken(input.token, SETUP_IDENTIFIER, { consume: true });
  if (!identifier) throw new AppError("NOT_FOUND", { userMessage: "This setup link is invalid, used or expired. Restart Bulwark for a new one." });
  const user = await createUser({ email: input.email, name: input.name, role: "admin", password: input.password });
  return { userId: user.id };
}
