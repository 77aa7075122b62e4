import { audit } from "@/lib/api/audit";
import { ZUserParams, ZUserUpdateRequest } from "@/lib/api/schemas/users";
import { withRoute } from "@/lib/api/with-route";
import { updateUserAccess } from "@/lib/db/users/update-user-access";

export const runtime = "nodejs";

// PATCH /api/users/{id} – change a role, disable or re-enable (ends the user's sessions)
export const PATCH = withRoute({
  role: "admin",
  params: ZUserParams,
  body: ZUserUpdateRequest,
  handler: async ({ params, body, caller }) => {
    const user = await updateUserAccess(params.id, body);
    await audit(caller, "user.updated", { type: "user", id: params.id }, { email: user.email, changes: body });
    return { data: user };
  },
});
