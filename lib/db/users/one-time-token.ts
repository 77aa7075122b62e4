import { createHash, randomBytes } from "node:crypto";

import { getPrisma } from "../client";

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * One-time links (first-admin setup, invitations): the secret goes into the link, only its
 * hash is stored, and a new link for the same purpose replaces the old one.
 */
export async function createOneTimeToken(identifier: string, ttlMs: number): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  const prisma = getPrisma();
  await prisma.$transaction([
    prisma.verification.deleteMany({ where: { identifier } }),
    prisma.verification.create({ data: { identifier, value: hash(secret), expiresAt: new Date(Date.now() + ttlMs) } }),
  ]);
  return secret;
}

/** Finds an unexpired token by its secret; returns its identifier, consuming it when `consume`. */
export async function findOneTimeToken(
  secret: string,
  prefix: string,
  { consume = false } = {},
): Promise<string | null> {
  const prisma = getPrisma();
  const row = await prisma.verification.findFirst({
    where: { value: hash(secret), identifier: { startsWith: prefix }, expiresAt: { gt: new Date() } },
  });
  if (!row) return null;
  if (consume) {
    const { count } = await prisma.verification.deleteMany({ where: { id: row.id } });
    if (count === 0) return null; // consumed by a concurrent request
  }
  return row.identifier;
}
