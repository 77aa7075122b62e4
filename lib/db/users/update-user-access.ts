import type { Role } from "@/lib/access/roles";
import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

type UserAccess = { role: Role; disabled: boolean };

/**
 * Changes a user's role or disabled flag in one transaction, after `check` has seen the user as
 * stored. `check` may ask for the enabled admins, which locks their rows until the transaction
 * ends, so two concurrent changes cannot both pass a rule about them. A disabled user or a
 * changed role loses every session; API tokens stop working because token checks read the owner.
 */
export async function updateUserAccess(
  id: string,
  patch: { role?: Role; disabled?: boolean },
  check: (user: UserAccess, lockEnabledAdmins: () => Promise<number>) => Promise<void>,
): Promise<{ email: string } & UserAccess> {
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "No such user." });
    await check(
      user,
      async () =>
        (
          await tx.$queryRaw<
            { id: string }[]
          >`SELECT id FROM "user" WHERE role = 'admin' AND disabled = false FOR UPDATE`
        ).length,
    );
    const updated = await tx.user.update({ where: { id }, data: patch });
    if (patch.disabled || (patch.role && patch.role !== user.role))
      await tx.session.deleteMany({ where: { userId: id } });
    return { email: updated.email, role: updated.role, disabled: updated.disabled };
  });
}
