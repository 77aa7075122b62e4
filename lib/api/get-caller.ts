import type { Role } from "./roles";

export type Caller = { userId: string; email: string; role: Role };

/**
 * Who is calling. Until sign-in exists there is no way to be anyone, so every route that is not
 * public answers 401: closed by default.
 */
export async function getCaller(_request: Request): Promise<Caller | null> {
  return null;
}
