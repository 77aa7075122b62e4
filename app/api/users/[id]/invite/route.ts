import { withRoute } from "@/lib/api/with-route";
import { ZUserParams } from "@/lib/contracts/users";
import { reissueInvite } from "@/lib/users/reissue-invite";

export const runtime = "nodejs";

// POST /api/users/{id}/invite – a new one-time link (password reset for a user who lost theirs)
export const POST = withRoute({
  role: "admin",
  params: ZUserParams,
  handler: async ({ params, caller }) =>
    Response.json(await reissueInvite(params.id, caller), { headers: { "cache-control": "no-store" } }),
});
