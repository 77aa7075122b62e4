import { withRoute } from "@/lib/api/with-route";
import { ZUserInviteRequest } from "@/lib/contracts/users";
import { listUsers } from "@/lib/db/users/list-users";
import { inviteUser } from "@/lib/users/invite-user";

export const runtime = "nodejs";

// GET /api/users – every user with role, status and sign-in methods
export const GET = withRoute({ role: "admin", handler: async () => ({ data: await listUsers() }) });

// POST /api/users – invite a user: 201 with a one-time link to deliver to them (shown once)
export const POST = withRoute({
  role: "admin",
  body: ZUserInviteRequest,
  handler: async ({ body, caller }) =>
    Response.json(await inviteUser(body, caller), { status: 201, headers: { "cache-control": "no-store" } }),
});
