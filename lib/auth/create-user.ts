import type { Role } from "@/lib/access/roles";
import { AppError } from "@/lib/errors";

import { getAuth } from "./auth";

/** Creates a user through better-auth's own adapter, so the row is exactly what sign-in expects. */
export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password?: string;
}): Promise<{ id: string; email: string }> {
  const ctx = await getAuth().$context;
  const email = input.email.toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) {
    throw new AppError("CONFLICT", { userMessage: `A user with the email ${email} already exists.` });
  }
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true, role: input.role, disabled: false },
    { method: "admin" },
  );
  if (input.password) await setPassword(user.id, input.password);
  return { id: user.id, email: user.email };
}

/** Sets (or replaces) a user's password, hashed with better-auth's scrypt. */
export async function setPassword(userId: string, password: string): Promise<void> {
  const ctx = await getAuth().$context;
  const hash = await ctx.password.hash(password);
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  const credential = accounts.find((a) => a.providerId === "credential");
  if (credential) await ctx.internalAdapter.updateAccount(credential.id, { password: hash });
  else await ctx.internalAdapter.linkAccount({ userId, providerId: "credential", accountId: userId, password: hash });
}
