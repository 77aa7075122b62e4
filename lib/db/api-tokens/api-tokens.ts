import type { Role } from "@/lib/access/roles";
import type { TokenScope } from "@/lib/access/token-scopes";
import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

export type ApiTokenSummary = {
  id: string;
  name: string;
  scopes: TokenScope[];
  ownerEmail: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  isExpired: boolean;
};

export async function createApiToken(input: {
  userId: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: Date;
  hash: string;
}): Promise<string> {
  const row = await getPrisma().apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      scopes: input.scopes,
      expiresAt: input.expiresAt,
      tokenHash: input.hash,
    },
  });
  return row.id;
}

/** A user's tokens, or everyone's for an admin (userId null). Never includes hashes. */
export async function listApiTokens(userId: string | null): Promise<ApiTokenSummary[]> {
  const rows = await getPrisma().apiToken.findMany({
    where: userId ? { userId } : {},
    orderBy: { createdAt: "desc" },
    include: { user: { select: { email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: r.scopes as TokenScope[],
    ownerEmail: r.user.email,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    isExpired: r.expiresAt.getTime() <= Date.now(),
  }));
}

/** Revokes a token; `ownerId` limits it to the caller's own tokens (admins pass null). */
export async function revokeApiTokenRow(id: string, ownerId: string | null): Promise<{ name: string }> {
  const token = await getPrisma().apiToken.findFirst({ where: { id, ...(ownerId ? { userId: ownerId } : {}) } });
  if (!token) throw new AppError("NOT_FOUND", { userMessage: "No such token." });
  await getPrisma().apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
  return { name: token.name };
}

export type TokenOwner = { tokenId: string; userId: string; email: string; role: Role; scopes: TokenScope[] };

/** The live token with this hash and its enabled owner, or null; records when it was last used. */
export async function findLiveApiToken(hash: string): Promise<TokenOwner | null> {
  const token = await getPrisma().apiToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
  const now = new Date();
  if (!token || token.revokedAt || token.expiresAt <= now || token.user.disabled) return null;
  // At most one write a minute per token.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await getPrisma().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: token.id,
    userId: token.userId,
    email: token.user.email,
    role: token.user.role,
    scopes: token.scopes as TokenScope[],
  };
}
