import type { Caller } from "@/lib/api/get-caller";
import { hasRole } from "@/lib/api/roles";
import type { TokenCreateRequest } from "@/lib/api/schemas/tokens";
import { createApiToken } from "@/lib/db/api-tokens/api-tokens";
import { AppError } from "@/lib/errors";
import { generateApiToken, SCOPE_ROLE } from "./api-token-secret";

/** Issues a token for the caller: its scopes may not exceed the caller's role; the secret is returned once. */
export async function issueApiToken(caller: Caller, input: TokenCreateRequest): Promise<{ id: string; token: string; expiresAt: string }> {
  const tooHigh = input.scopes.find((s) => !hasRole(caller.role, SCOPE_ROLE[s]));
  if (tooHigh) throw new AppError("FORBIDDEN", { userMessage: `The ${tooHigh} scope needs the ${SCOPE_ROLE[tooHigh]} role.` });
  const { secret, hash } = generateApiToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const id = await createApiToken({ userId: caller.userId, name: input.name, scopes: [...new Set(input.scopes)], expiresAt, hash });
  return { id, token: secret, expiresAt: expiresAt.toISOString() };
}
