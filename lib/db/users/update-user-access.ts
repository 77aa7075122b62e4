import type { Role } from "@/lib/access/roles";
import { AppError } from "@/lib/errors";
import { getPrisma } from "../client";

/**
 * Changes a user's role or disables them. Disabling ends their sessions at once; their API
 * tokens stop working because token checks read the owner. The last enabled admin cannot be
 * demoted or disabled, so Bulwark can never lock its admins out.
 */
export async function updateUserAccess(id: string, patch: { role?: Role; disabled?: boolean }): Promise<{ email: string; role: Role; disabled: boolean }> {
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "No such user." });
    const losesAdmin = user.role === "admin" && !user.disabled && ((patch.role && patch.role !== "admin") || patch.disabled === true);
    if (losesAdmin) {
      // Lock the admin rows so two concurrent demotions cannot both pass this check.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "user" WHERE role = 'admin' AND disabled = false FOR UPDATE`;
      if (admins.length <= 1) throw new AppError("CONFLICT", { userMessage: "This is the last admin: make someone else admin first." });
    }
    const updated = await tx.user.update({ where: { id }, data: patch });
    if (patch.disabled || (patch.role && patch.role !== user.role)) await tx.session.deleteMany({ where: { userId: id } });
    return { email: updated.email, role: updated.role, disabled: updated.disabled };
  });
}
