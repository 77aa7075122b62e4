import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "bwk_";

/** A new token: the secret is shown once; only its SHA-256 is stored. */
export function generateApiToken(): { secret: string; hash: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashApiToken(secret) };
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
