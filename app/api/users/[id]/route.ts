import { withRoute } from "@/lib/api/with-route";
import { ZUserParams, ZUserUpdateRequest } from "@/lib/contracts/users";
import { updateUser } from "@/lib/users/update-user";

export const runtime = "nodejs";

// PATCH /api/users/{id} – change a role, disable or re-enable (ends the user's sessions)
export const PATCH = withRoute({
  role: "admin",
  params: ZUserParams,
  body: ZUserUpdateRequest,
  handler: async ({ params, body, caller }) => ({ data: await updateUser(params.id, body, caller) }),
});
