import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { withRoute } from "@/lib/api/with-route";
import { ZTokenParams } from "@/lib/contracts/tokens";

export const runtime = "nodejs";

// DELETE /api/tokens/{id} – revoke a token (your own; an admin may revoke anyone's)
export const DELETE = withRoute({
  role: "viewer",
  params: ZTokenParams,
  handler: async ({ params, caller }) => {
    await revokeApiToken(params.id, caller);
    return new Response(null, { status: 204 });
  },
});
