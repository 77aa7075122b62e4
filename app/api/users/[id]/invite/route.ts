import { audit } from "@/lib/api/audit";
import { ZUserParams } from "@/lib/api/schemas/users";
import { withRoute } from "@/lib/api/with-route";
import { reissueInvite } from "@/lib/auth/invite-user";
import { listUsers } from "@/lib/db/users/list-users";
import { AppError } from "@/lib/errors";

export const runtime = "nodejs";

// POST /api/users/{id}/invite – a new one-time link (password reset for a user who lost theirs)
export const POST = withRoute({
  role: "admin",
  params: ZUserParams,
  handler: async ({ params, caller }) => {
    const user = (await listUsers()).find((u) => u.id === params.id);
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "No such user." });
    const invite = await reissueInvite(params.id);
    await audit(caller, "user.invite_reissued", { type: "user", id: params.id }, { email: user.email });
    return Response.json(invite, { headers: { "cache-control": "no-store" } });
  },
});
