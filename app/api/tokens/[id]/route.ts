import { audit } from "@/lib/api/audit";
import { ZTokenParams } from "@/lib/api/schemas/tokens";
import { withRoute } from "@/lib/api/with-route";
import { revokeApiToken } from "@/lib/db/api-tokens/api-tokens";

export const runtime = "nodejs";

// DELETE /api/tokens/{id} – revoke a token (your own; an admin may revoke anyone's)
export const DELETE = withRoute({
  role: "viewer",
  params: ZTokenParams,
  handler: async ({ params, caller }) => {
    const { name } = await revokeApiToken(params.id, caller.role === "admin" ? null : caller.userId);
    await audit(caller, "token.revoked", { type: "api_token", id: params.id }, { name });
    return new Response(null, { status: 204 });
  },
});
