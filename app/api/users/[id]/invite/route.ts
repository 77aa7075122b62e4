import { audit } from "@/lib/api/audit";
import { ZUserParams } from "@/lib/api/schemas/users";
import { withRoute } from "@/lib/api/with-route";
import { reissueInvite } from "@/lib/auth/invite-user";
import { getUserEmailOrThrow } from "@/lib/db/users/get-user-email-or-throw";

export const runtime = "nodejs";

// POST /api/users/{id}/invite – a new one-time link (password reset for a user who lost theirs)
export const POST = withRoute({
  role: "admin",
  params: ZUserParams,
  handler: async ({ params, caller }) => {
    const email = await getUserEmailOrThrow(params.id);
    const invite = await reissueInvite(params.id);
    await audit(caller, "user.invite_reissued", { type: "user", id: params.id }, { email });
    return Response.json(invite, { headers: { "cache-control": "no-store" } });
  },
});
