import { hashApiToken, SCOPE_ROLE, TOKEN_PREFIX } from "@/lib/auth/api-token-secret";
import { getAuth } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { pastAbsoluteLimit } from "@/lib/auth/session-limit";
import { findLiveApiToken } from "@/lib/db/api-tokens/api-tokens";
import { deleteSession } from "@/lib/db/users/delete-session";
import { ROLES, type Role } from "./roles";
import type { TokenScope } from "./schemas/tokens";

export type Caller = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** A browser session (cookie) or an API token (Authorization: Bearer). */
  via: "session" | "token";
  /** An API token's scopes (none for a session). */
  scopes: TokenScope[];
  ip: string | null;
};

function lowerRole(a: Role, b: Role): Role {
  return ROLES[Math.min(ROLES.indexOf(a), ROLES.indexOf(b))]!;
}

async function callerFromToken(secret: string, ip: string | null): Promise<Caller | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await findLiveApiToken(hashApiToken(secret));
  if (!token) return null;
  const scopeRole = token.scopes.reduce<Role>((best, s) => (ROLES.indexOf(SCOPE_ROLE[s]) > ROLES.indexOf(best) ? SCOPE_ROLE[s] : best), "viewer");
  return { userId: token.userId, email: token.email, name: token.email, role: lowerRole(token.role, scopeRole), via: "token", scopes: token.scopes, ip };
}

/**
 * Who is calling: an API token, or a signed-in session that is neither idle-expired (better-auth
 * slides `expiresAt`) nor past the absolute limit, of an enabled user. Null when neither.
 */
export async function resolveCaller(headers: Headers): Promise<Caller | null> {
  const ip = clientIp(headers);
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return callerFromToken(bearer, ip);
  if (!headers.get("cookie")) return null;
  const result = await getAuth().api.getSession({ headers });
  if (!result) return null;
  const { session, user } = result;
  if (pastAbsoluteLimit(session.createdAt)) {
    await deleteSession(session.id);
    return null;
  }
  const u = user as typeof user & { role: Role; disabled: boolean };
  if (u.disabled) return null;
  return { userId: u.id, email: u.email, name: u.name, role: u.role, via: "session", scopes: [], ip };
}

export async function getCaller(request: Request): Promise<Caller | null> {
  return resolveCaller(request.headers);
}
