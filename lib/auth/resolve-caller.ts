import type { Caller } from "@/lib/access/caller";
import type { Role } from "@/lib/access/roles";
import { tokenRole } from "@/lib/access/token-scopes";
import { findLiveApiToken } from "@/lib/db/api-tokens/api-tokens";
import { deleteSession } from "@/lib/db/users/delete-session";

import { hashApiToken, TOKEN_PREFIX } from "./api-token-secret";
import { getAuth } from "./auth";
import { clientIp } from "./client-ip";
import { pastAbsoluteLimit } from "./session-limit";

async function callerFromToken(secret: string, ip: string | null): Promise<Caller | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await findLiveApiToken(hashApiToken(secret));
  if (!token) return null;
  return {
    userId: token.userId,
    email: token.email,
    name: token.email,
    role: tokenRole(token.role, token.scopes),
    via: "token",
    scopes: token.scopes,
    ip,
  };
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
