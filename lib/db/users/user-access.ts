import type { Role } from "@/lib/access/roles";

import { getPrisma } from "../client";

export async function isUserEnabled(id: string): Promise<boolean> {
  const user = await getPrisma().user.findUnique({ where: { id }, select: { disabled: true } });
  return Boolean(user && !user.disabled);
}

/** The ID token from the user's latest sign-in through a provider, as better-auth stored it. */
export async function getLatestIdToken(userId: string, providerId: string): Promise<string | null> {
  const account = await getPrisma().account.findFirst({
    where: { userId, providerId },
    orderBy: { updatedAt: "desc" },
    select: { idToken: true },
  });
  return account?.idToken ?? null;
}

export async function setUserRole(id: string, role: Role): Promise<void> {
  await getPrisma().user.update({ where: { id }, data: { role } });
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await getPrisma().user.findUnique({ where: { email }, select: { id: true } });
  return user?.id ?? null;
}

/** Ends every session of a user and revokes their API tokens (a password set by someone else: account recovery). */
export async function endUserSessionsAndTokens(userId: string): Promise<void> {
  const prisma = getPrisma();
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { userId } }),
    prisma.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),
  ]);
}
