import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { getUserEmailOrThrow } from "@/lib/db/users/get-user-email-or-throw";
import { createOneTimeToken } from "@/lib/db/users/one-time-token";

import { INVITE_PREFIX, INVITE_TTL_MS, inviteUrl } from "./one-time-links";

/** A new link for a user who lost theirs (a password reset); the old one stops working. */
export async function reissueInvite(userId: string, actor: Caller): Promise<{ inviteUrl: string }> {
  const email = await getUserEmailOrThrow(userId);
  const secret = await createOneTimeToken(INVITE_PREFIX + userId, INVITE_TTL_MS);
  await audit(actor, "user.invite_reissued", { type: "user", id: userId }, { email });
  return { inviteUrl: inviteUrl(secret) };
}
