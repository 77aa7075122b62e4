import { APIError, createAuthMiddleware } from "better-auth/api";

import { ZProfileUpdate } from "@/lib/contracts/users";
import {
  countFailedSignIns,
  SIGN_IN,
  SIGN_IN_FAILED,
  SIGN_IN_FAILED_KNOWN_DEVICE,
} from "@/lib/db/audit/count-failed-sign-ins";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { findUserIdByEmail } from "@/lib/db/users/user-access";

import { clientIp } from "./client-ip";
import { pastAbsoluteLimit } from "./session-limit";
import { SIGN_IN_BACKOFF, signInWait } from "./sign-in-backoff";

/** Set at a successful password sign-in: this browser signed in as that user before. Signed, HttpOnly. */
const KNOWN_DEVICE_COOKIE = "known_device";
const KNOWN_DEVICE_DAYS = 180;

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const emailOf = (ctx: HookContext) =>
  String((ctx.body as { email?: unknown } | undefined)?.email ?? "")
    .toLowerCase()
    .slice(0, 320);
const ipOf = (ctx: HookContext) => (ctx.headers ? clientIp(ctx.headers) : null);

/** Whether this request carries the known-device cookie of the account it signs in to. */
async function fromKnownDevice(ctx: HookContext, email: string): Promise<boolean> {
  const cookie = ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE);
  const value = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  const userId = typeof value === "string" ? value.split(":")[0] : undefined;
  return Boolean(userId) && userId === (await findUserIdByEmail(email));
}

/** Before a password is checked: wait out the back-off (per account, per address, or per known device). */
async function limitSignIn(ctx: HookContext): Promise<void> {
  const email = emailOf(ctx);
  const failures = await countFailedSignIns(email, ipOf(ctx), new Date(Date.now() - SIGN_IN_BACKOFF.windowMs));
  const wait = signInWait(failures, await fromKnownDevice(ctx, email), Date.now());
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "SIGN_IN_BACKOFF",
        message: `Too many wrong passwords: try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
      },
      { "retry-after": String(seconds) },
    );
  }
}

/** The absolute session limit, on the sign-in library's own endpoints too: a session past it is ended before the endpoint reads it. */
async function endSessionPastLimit(ctx: HookContext): Promise<void> {
  const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (!token) return;
  const found = await ctx.context.internalAdapter.findSession(token);
  if (found && pastAbsoluteLimit(found.session.createdAt)) await ctx.context.internalAdapter.deleteSession(token);
}

export const beforeAuth = createAuthMiddleware(async (ctx) => {
  if (ctx.path === "/sign-in/email") return limitSignIn(ctx);
  // Calls from Bulwark's own code (no request) check the limit themselves (lib/auth/resolve-caller.ts).
  if (ctx.request) await endSessionPastLimit(ctx);
  if (ctx.path === "/update-user") {
    const parsed = ZProfileUpdate.safeParse(ctx.body);
    if (!parsed.success)
      throw new APIError("BAD_REQUEST", {
        message: `Invalid profile: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      });
  }
  // A new password ends every other session, whatever the caller asked for.
  if (ctx.path === "/change-password")
    return { context: { body: { ...(ctx.body as object), revokeOtherSessions: true } } };
});

/** After a password sign-in: audit it; only a wrong password counts towards back-off. */
async function recordPasswordSignIn(ctx: HookContext): Promise<unknown> {
  const ip = ipOf(ctx);
  const returned = ctx.context.returned;
  const session = ctx.context.newSession;
  const email = emailOf(ctx);
  if (returned instanceof APIError || !session) {
    const reason = returned instanceof APIError ? (returned.body?.code ?? returned.status) : "unknown";
    const wrongPassword = reason === "INVALID_EMAIL_OR_PASSWORD";
    const action = !wrongPassword
      ? "auth.sign_in_refused"
      : (await fromKnownDevice(ctx, email))
        ? SIGN_IN_FAILED_KNOWN_DEVICE
        : SIGN_IN_FAILED;
    await recordAuditEvent({ actor: { userId: null, email, ip }, action, details: { method: "password", reason } });
    return;
  }
  await recordAuditEvent({
    actor: { userId: session.user.id, email: session.user.email, ip },
    action: SIGN_IN,
    details: { method: "password" },
  });
  const cookie = ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE, {
    maxAge: KNOWN_DEVICE_DAYS * 86_400,
    sameSite: "strict",
    path: "/api/auth",
  });
  await ctx.setSignedCookie(cookie.name, `${session.user.id}:${Date.now()}`, ctx.context.secret, cookie.attributes);
  // The session travels only in the HttpOnly cookie: keep its token out of the JSON body.
  return ctx.json({
    redirect: false,
    user: { id: session.user.id, email: session.user.email, name: session.user.name },
  });
}

export const afterAuth = createAuthMiddleware(async (ctx) => {
  const ip = ipOf(ctx);
  const returned = ctx.context.returned;
  const session = ctx.context.newSession;
  if (ctx.path === "/sign-in/email") return recordPasswordSignIn(ctx);
  if (ctx.path.startsWith("/callback/") && session) {
    await recordAuditEvent({
      actor: { userId: session.user.id, email: session.user.email, ip },
      action: SIGN_IN,
      details: { method: "sso" },
    });
  } else if (ctx.path === "/revoke-sessions" && !(returned instanceof APIError)) {
    const current = ctx.context.session;
    if (current)
      await recordAuditEvent({
        actor: { userId: current.user.id, email: current.user.email, ip },
        action: "auth.sign_out_everywhere",
      });
  }
});
