import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/lib/api/roles";
import type { TokenScope } from "@/lib/api/schemas/tokens";

export const TOKEN_PREFIX = "bwk_";

/** What each scope lets a token do, at most: a token never exceeds its owner's role either. */
export const SCOPE_ROLE: Record<TokenScope, Role> = { read: "viewer", scan: "analyst" };

/** A new token: the secret is shown once; only its SHA-256 is stored. */
export function generateApiToken(): { secret: string; hash: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashApiToken(secret) };
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
