import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";

import { parseRoleMap, roleFromClaims } from "@/lib/access/role-from-claims";
import { readOrCreateSecret } from "@/lib/data-dir";
import { getPrisma } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/db/users/consume-rate-limit";
import { getLatestIdToken, isUserEnabled, setUserRole } from "@/lib/db/users/user-access";
import { env } from "@/lib/env.js";
import { log } from "@/lib/log";

import { appUrl, trustedOrigins } from "./app-origin";
import { afterAuth, beforeAuth } from "./auth-hooks";

export const OIDC_PROVIDER_ID = "oidc";

export function isSsoConfigured(): boolean {
  return Boolean(env.BULWARK_OIDC_ISSUER && env.BULWARK_OIDC_CLIENT_ID && env.BULWARK_OIDC_CLIENT_SECRET);
}

function decodeJwtClaims(jwt: string | null | undefined): Record<string, unknown> {
  const payload = jwt?.split(".")[1];
  if (!payload) return {};
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function createAuth() {
  const idleSeconds = env.BULWARK_SESSION_IDLE_MINUTES * 60;
  const roleMapping = {
    claim: env.BULWARK_OIDC_ROLE_CLAIM,
    map: parseRoleMap(env.BULWARK_OIDC_ROLE_MAP),
    fallback: env.BULWARK_OIDC_DEFAULT_ROLE,
  };

  /** SSO users get their role from the ID token at every sign-in, so IdP group changes take effect. */
  async function applySsoRole(userId: string): Promise<void> {
    const role = roleFromClaims(decodeJwtClaims(await getLatestIdToken(userId, OIDC_PROVIDER_ID)), roleMapping);
    if (!role)
      throw new APIError("FORBIDDEN", {
        message: "Your single sign-on account has no Bulwark role. Ask an admin to map your group.",
      });
    await setUserRole(userId, role);
  }

  return betterAuth({
    appName: "Bulwark",
    baseURL: appUrl(),
    basePath: "/api/auth",
    secret: env.BETTER_AUTH_SECRET ?? readOrCreateSecret(env.BULWARK_DATA_DIR, "auth.secret", 48),
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        disabled: { type: "boolean", input: false, defaultValue: false },
      },
    },
    // Sliding idle timeout: each use within the window extends the session; the absolute
    // limit (BULWARK_SESSION_MAX_HOURS) is enforced where sessions are read (lib/auth/resolve-caller.ts,
    // and before the library's own endpoints in auth-hooks.ts).
    session: { expiresIn: idleSeconds, updateAge: Math.min(300, idleSeconds / 4), freshAge: 0 },
    account: { accountLinking: { enabled: false } },
    rateLimit: {
      enabled: true,
      // Counted in the database, shared by every web worker and replica (a count per process would
      // multiply the limit by their number).
      customStorage: { consume: consumeRateLimit },
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: 30 }, "/sign-in/social": { window: 60, max: 60 } },
    },
    advanced: {
      cookiePrefix: "bulwark",
      // Stated, not left to the library's default, which switches the origin check off under NODE_ENV=test.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    logger: { disabled: false, level: "error", log: (level, message) => log[level]({ component: "auth" }, message) },
    plugins: isSsoConfigured()
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                name: env.BULWARK_OIDC_NAME,
                discoveryUrl: `${env.BULWARK_OIDC_ISSUER!.replace(/\/+$/, "")}/.well-known/openid-configuration`,
                requireIdTokenVerification: true,
                clientId: env.BULWARK_OIDC_CLIENT_ID!,
                clientSecret: env.BULWARK_OIDC_CLIENT_SECRET!,
                scopes: ["openid", "email", "profile", env.BULWARK_OIDC_ROLE_CLAIM],
                pkce: true,
              },
            ],
          }),
        ]
      : [],
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            if (ctx?.path?.startsWith("/callback/")) await applySsoRole(session.userId);
            if (!(await isUserEnabled(session.userId)))
              throw new APIError("FORBIDDEN", { message: "This account is disabled. Ask an admin." });
          },
        },
      },
    },
    hooks: { before: beforeAuth, after: afterAuth },
  });
}

export type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { bulwarkAuth?: Auth };

/** The process-wide auth instance, created on first use (so builds need no secret). */
export function getAuth(): Auth {
  return (globalForAuth.bulwarkAuth ??= createAuth());
}
