import type { Caller } from "@/lib/access/caller";
import type { Role } from "@/lib/access/roles";
import { audit } from "@/lib/audit/audit";
import { updateUserAccess } from "@/lib/db/users/update-user-access";
import { AppError } from "@/lib/errors";

type AccessPatch = { role?: Role; disabled?: boolean };

/** The last enabled admin cannot be demoted or disabled, so Bulwark can never lock its admins out. */
async function keepAnAdmin(
  user: { role: Role; disabled: boolean },
  patch: AccessPatch,
  lockEnabledAdmins: () => Promise<number>,
): Promise<void> {
  const losesAdmin =
    user.role === "admin" && !user.disabled && ((patch.role && patch.role !== "admin") || patch.disabled === true);
  if (losesAdmin && (await lockEnabledAdmins()) <= 1)
    throw new AppError("CONFLICT", { userMessage: "This is the last admin: make someone else admin first." });
}

/** Changes a user's role or disables or re-enables them (ending their sessions); never the last admin. */
export async function updateUser(
  id: string,
  patch: AccessPatch,
  actor: Caller,
): Promise<{ email: string; role: Role; disabled: boolean }> {
  const user = await updateUserAccess(id, patch, (current, lockEnabledAdmins) =>
    keepAnAdmin(current, patch, lockEnabledAdmins),
  );
  await audit(actor, "user.updated", { type: "user", id }, { email: user.email, changes: patch });
  return user;
}
