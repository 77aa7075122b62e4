import { createUser } from "@/lib/auth/create-user";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { countUsers } from "@/lib/db/users/list-users";
import { findOneTimeToken } from "@/lib/db/users/one-time-token";
import { AppError } from "@/lib/errors";

import { SETUP_IDENTIFIER } from "./one-time-links";

/** Creates the first admin from the setup link printed at first start; refused once anyone exists. */
export async function completeSetup(
  input: { token: string; email: string; name: string; password: string },
  ip: string | null,
): Promise<{ userId: string }> {
  if ((await countUsers()) > 0)
    throw new AppError("CONFLICT", { userMessage: "Bulwark is already set up: sign in instead." });
  const identifier = await findOneTimeToken(input.token, SETUP_IDENTIFIER, { consume: true });
  if (!identifier)
    throw new AppError("NOT_FOUND", {
      userMessage: "This setup link is invalid, used or expired. Restart Bulwark for a new one.",
    });
  const user = await createUser({ email: input.email, name: input.name, role: "admin", password: input.password });
  await recordAuditEvent({
    actor: { userId: user.id, email: input.email, ip },
    action: "user.created",
    target: { type: "user", id: user.id },
    details: { email: input.email, role: "admin", via: "setup link" },
  });
  return { userId: user.id };
}
