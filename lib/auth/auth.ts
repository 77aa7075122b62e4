import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { readOrCreateSecret } from "@/lib/data-dir";
import { getPrisma } from "@/lib/db/client";
import { countFailedSignIns, SIGN_IN_FAILED } from "@/lib/db/audit/count-failed-sign-ins";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { getLatestIdToken, isUserEnabled, setUserRole } from "@/lib/db/users/user-access";
import { env } from "@/lib/env.js";
import { log } from "@/lib/log";
import { appUrl, trustedOrigins } from "./app-origin";
import { clientIp } from "./client-ip";
import { parseRoleMap, roleFromClaims } from "./role-from-claims";

export const OIDC_PROVIDER_ID = "oidc";
/** Failed sign-ins allowed in the window, per account and per address, before sign-in is refused. */
export const SIGN_IN_LIMIT = { window: 15 * 60_000, perAccount: 5, perAddress: 20 };

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
  const roleMapping = { claim: env.BULWARK_OIDC_ROLE_CLAIM, map: parseRoleMap(env.BULWARK_OIDC_ROLE_MAP), fallback: env.BULWARK_OIDC_DEFAULT_ROLE };

  /** SSO users get their role from the ID token at every sign-in, so IdP group changes take effect. */
  async function applySsoRole(userId: string): Promise<void> {
    const role = roleFromClaims(decodeJwtClaims(await getLatestIdToken(userId, OIDC_PROVIDER_ID)), roleMapping);
    if (!role) throw new APIError("FORBIDDEN", { message: "Your single sign-on account has no Bulwark role. Ask an admin to map your group." });
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
    // limit (BULWARK_SESSION_MAX_HOURS) is enforced where sessions are read (lib/api/get-caller.ts).
    session: { expiresIn: idleSeconds, updateAge: Math.min(300, idleSeconds / 4), freshAge: 0 },
    account: { accountLinking: { enabled: false } },
    rateLimit: { enabled: true, storage: "memory", window: 60, max: 300, customRules: { "/sign-in/email": { window: 60, max: 30 }, "/sign-in/social": { window: 60, max: 60 } } },
    advanced: {
      cookiePrefix: "bulwark",
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
            if (!(await isUserEnabled(session.userId))) throw new APIError("FORBIDDEN", { message: "This account is disabled. Ask an admin." });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase();
        const ip = ctx.headers ? clientIp(ctx.headers) : null;
        const failed = await countFailedSignIns(email, ip, new Date(Date.now() - SIGN_IN_LIMIT.window));
        if (failed.account >= SIGN_IN_LIMIT.perAccount || failed.address >= SIGN_IN_LIMIT.perAddress) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins. Wait 15 minutes, or ask an admin to check the audit log." });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const ip = ctx.headers ? clientIp(ctx.headers) : null;
        const returned = ctx.context.returned;
        const session = ctx.context.newSession;
        if (ctx.path === "/sign-in/email") {
          const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase().slice(0, 320);
          if (returned instanceof APIError || !session) {
            const reason = returned instanceof APIError ? returned.body?.code ?? returned.status : "unknown";
            await recordAuditEvent({ actor: { userId: null, email, ip }, action: SIGN_IN_FAILED, details: { method: "password", reason } });
          } else {
            await recordAuditEvent({ actor: { userId: session.user.id, email: session.user.email, ip }, action: "auth.sign_in", details: { method: "password" } });
            // The session travels only in the HttpOnly cookie: keep its token out of the JSON body.
            return ctx.json({ redirect: false, user: { id: session.user.id, email: session.user.email, name: session.user.name } });
          }
        } else if (ctx.path.startsWith("/callback/") && session) {
          await recordAuditEvent({ actor: { userId: session.user.id, email: session.user.email, ip }, action: "auth.sign_in", details: { method: "sso" } });
        } else if (ctx.path === "/revoke-sessions" && !(returned instanceof APIError)) {
          const current = ctx.context.session;
          if (current) await recordAuditEvent({ actor: { userId: current.user.id, email: current.user.email, ip }, action: "auth.sign_out_everywhere" });
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { bulwarkAuth?: Auth };

/** The process-wide auth instance, created on first use (so builds need no secret). */
export function getAuth(): Auth {
  return (globalForAuth.bulwarkAuth ??= createAuth());
}
