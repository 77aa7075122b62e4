import type { Caller } from "@/lib/access/caller";
import { hasRole } from "@/lib/access/roles";
import { SCOPE_ROLE } from "@/lib/access/token-scopes";
import { audit } from "@/lib/audit/audit";
import { generateApiToken } from "@/lib/auth/api-token-secret";
import type { TokenCreateRequest } from "@/lib/contracts/tokens";
import { createApiToken } from "@/lib/db/api-tokens/api-tokens";
import { AppError } from "@/lib/errors";

/**
 * Issues a token for a signed-in caller (never for another token): its scopes may not exceed
 * the caller's role; the secret is returned once.
 */
export async function issueApiToken(
  caller: Caller,
  input: TokenCreateRequest,
): Promise<{ id: string; token: string; expiresAt: string }> {
  if (caller.via !== "session")
    throw new AppError("FORBIDDEN", { userMessage: "API tokens cannot issue tokens: sign in to create one." });
  const tooHigh = input.scopes.find((s) => !hasRole(caller.role, SCOPE_ROLE[s]));
  if (tooHigh)
    throw new AppError("FORBIDDEN", { userMessage: `The ${tooHigh} scope needs the ${SCOPE_ROLE[tooHigh]} role.` });
  const { secret, hash } = generateApiToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const id = await createApiToken({
    userId: caller.userId,
    name: input.name,
    scopes: [...new Set(input.scopes)],
    expiresAt,
    hash,
  });
  await audit(
    caller,
    "token.created",
    { type: "api_token", id },
    { name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString() },
  );
  return { id, token: secret, expiresAt: expiresAt.toISOString() };
}
