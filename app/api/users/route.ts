import { audit } from "@/lib/api/audit";
import { ZUserInviteRequest } from "@/lib/api/schemas/users";
import { withRoute } from "@/lib/api/with-route";
import { inviteUser } from "@/lib/auth/invite-user";
import { listUsers } from "@/lib/db/users/list-users";

export const runtime = "nodejs";

// GET /api/users – every user with role, status and sign-in methods
export const GET = withRoute({ role: "admin", handler: async () => ({ data: await listUsers() }) });

// POST /api/users – invite a user: 201 with a one-time link to deliver to them (shown once)
export const POST = withRoute({
  role: "admin",
  body: ZUserInviteRequest,
  handler: async ({ body, caller }) => {
    const invite = await inviteUser(body);
    await audit(caller, "user.invited", { type: "user", id: invite.id }, { email: body.email, role: body.role });
    return Response.json(invite, { status: 201, headers: { "cache-control": "no-store" } });
  },
});
