import type { Caller } from "@/lib/access/caller";
import type { Role } from "@/lib/access/roles";
import { audit } from "@/lib/audit/audit";
import { updateUserAccess } from "@/lib/db/users/update-user-access";

/** Changes a user's role or disables or re-enables them (ending their sessions); never the last admin. */
export async function updateUser(id: string, patch: { role?: Role; disabled?: boolean }, actor: Caller): Promise<{ email: string; role: Role; disabled: boolean }> {
  const user = await updateUserAccess(id, patch);
  await audit(actor, "user.updated", { type: "user", id }, { email: user.email, changes: patch });
  return user;
}
