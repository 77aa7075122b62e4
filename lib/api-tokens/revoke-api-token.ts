import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { revokeApiTokenRow } from "@/lib/db/api-tokens/api-tokens";

/** Revokes a token: the caller's own, or anyone's for an admin. */
export async function revokeApiToken(id: string, caller: Caller): Promise<void> {
  const { name } = await revokeApiTokenRow(id, caller.role === "admin" ? null : caller.userId);
  await audit(caller, "token.revoked", { type: "api_token", id }, { name });
}
