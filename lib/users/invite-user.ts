import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { createUser } from "@/lib/auth/create-user";
import type { UserInviteRequest } from "@/lib/contracts/users";
import { createOneTimeToken } from "@/lib/db/users/one-time-token";

import { INVITE_PREFIX, INVITE_TTL_MS, inviteUrl } from "./one-time-links";

/** Creates the user without a password and returns a one-time link (7 days) for them to set one. */
export async function inviteUser(
  input: UserInviteRequest,
  actor: Caller,
): Promise<{ id: string; inviteUrl: string; expiresAt: string }> {
  const user = await createUser(input);
  const secret = await createOneTimeToken(INVITE_PREFIX + user.id, INVITE_TTL_MS);
  await audit(actor, "user.invited", { type: "user", id: user.id }, { email: input.email, role: input.role });
  return { id: user.id, inviteUrl: inviteUrl(secret), expiresAt: new Date(Date.now() + INVITE_TTL_MS).toISOString() };
}
