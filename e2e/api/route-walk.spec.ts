import { appendFileSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { APP_URL, SECRETS_FILE, STATE } from "../support/constants";

type Role = "viewer" | "analyst" | "admin";
type Access = Role | "public";
type Scope = "read" | "scan";
const ROLES: Role[] = ["viewer", "analyst", "admin"];
const NONE = "does-not-exist";
/** What a scope lets a token do at most (a token never exceeds its owner's role either). */
const SCOPE_ROLE: Record<Scope, Role> = { read: "viewer", scan: "analyst" };
/** Every token a user of each role can hold: a viewer cannot issue a scan token. */
const TOKENS: { owner: Role; scopes: Scope[] }[] = ROLES.flatMap((owner) =>
  (owner === "viewer" ? [["read"]] : [["read"], ["scan"], ["read", "scan"]]).map((scopes) => ({
    owner,
    scopes: scopes as Scope[],
  })),
);

/**
 * Every API route with the least role it needs and, for API tokens, the scope it needs (`token`:
 * by default `read` for GET, none for the rest, which tokens may not call). Ids that exist
 * nowhere keep the walk harmless: an allowed caller gets past authorization and then 400/404,
 * never 401/403, never 5xx.
 */
const ROUTES: {
  method: string;
  path: string;
  pattern: string;
  access: Access;
  body?: unknown;
  token?: Scope | "none";
}[] = [
  { method: "GET", path: "/api/health", pattern: "/api/health", access: "public" },
  { method: "GET", path: "/api/health/live", pattern: "/api/health/live", access: "public" },
  { method: "GET", path: "/api/auth/get-session", pattern: "/api/auth/[...all]", access: "public" },
  { method: "POST", path: "/api/auth/sign-in/email", pattern: "/api/auth/[...all]", access: "public", body: {} },
  { method: "POST", path: "/api/setup", pattern: "/api/setup", access: "public", body: {} },
  { method: "POST", path: "/api/invites/accept", pattern: "/api/invites/accept", access: "public", body: {} },
  { method: "GET", path: "/api/me", pattern: "/api/me", access: "viewer" },
  { method: "GET", path: "/api/checks", pattern: "/api/checks", access: "viewer" },
  { method: "GET", path: "/api/openapi.json", pattern: "/api/openapi.json", access: "viewer" },
  { method: "GET", path: "/api/metrics", pattern: "/api/metrics", access: "viewer" },
  { method: "GET", path: "/api/clusters", pattern: "/api/clusters", access: "viewer" },
  { method: "POST", path: "/api/clusters", pattern: "/api/clusters", access: "admin", body: {} },
  { method: "GET", path: `/api/clusters/${NONE}`, pattern: "/api/clusters/[id]", access: "viewer" },
  {
    method: "PATCH",
    path: `/api/clusters/${NONE}`,
    pattern: "/api/clusters/[id]",
    access: "admin",
    body: { enabled: true },
  },
  { method: "DELETE", path: `/api/clusters/${NONE}`, pattern: "/api/clusters/[id]", access: "admin" },
  { method: "GET", path: `/api/clusters/${NONE}/posture`, pattern: "/api/clusters/[id]/posture", access: "viewer" },
  {
    method: "POST",
    path: `/api/clusters/${NONE}/scans`,
    pattern: "/api/clusters/[id]/scans",
    access: "analyst",
    token: "scan",
  },
  {
    method: "POST",
    path: `/api/clusters/${NONE}/connection-test`,
    pattern: "/api/clusters/[id]/connection-test",
    access: "admin",
  },
  { method: "GET", path: `/api/snapshots/${NONE}`, pattern: "/api/snapshots/[id]", access: "viewer" },
  { method: "GET", path: "/api/findings?layer=pod", pattern: "/api/findings", access: "viewer" },
  { method: "GET", path: "/api/findings/1", pattern: "/api/findings/[id]", access: "viewer" },
  {
    method: "GET",
    path: `/api/findings/export.csv?cluster=${NONE}`,
    pattern: "/api/findings/export.csv",
    access: "analyst",
  },
  {
    method: "GET",
    path: `/api/frameworks/cis-kubernetes/export.csv?cluster=${NONE}`,
    pattern: "/api/frameworks/[id]/export.csv",
    access: "analyst",
  },
  { method: "GET", path: "/api/attestations", pattern: "/api/attestations", access: "viewer" },
  { method: "POST", path: "/api/attestations", pattern: "/api/attestations", access: "analyst", body: {} },
  { method: "DELETE", path: `/api/attestations/${NONE}`, pattern: "/api/attestations/[id]", access: "analyst" },
  {
    method: "POST",
    path: `/api/attestations/${NONE}/approve`,
    pattern: "/api/attestations/[id]/approve",
    access: "analyst",
  },
  { method: "GET", path: "/api/suppressions", pattern: "/api/suppressions", access: "viewer" },
  { method: "POST", path: "/api/suppressions", pattern: "/api/suppressions", access: "analyst", body: {} },
  {
    method: "PATCH",
    path: `/api/suppressions/${NONE}`,
    pattern: "/api/suppressions/[id]",
    access: "analyst",
    body: {},
  },
  { method: "DELETE", path: `/api/suppressions/${NONE}`, pattern: "/api/suppressions/[id]", access: "analyst" },
  {
    method: "POST",
    path: `/api/suppressions/${NONE}/approve`,
    pattern: "/api/suppressions/[id]/approve",
    access: "analyst",
  },
  { method: "GET", path: "/api/audit?action=auth.", pattern: "/api/audit", access: "admin" },
  { method: "GET", path: "/api/audit/export.csv?action=nothing.", pattern: "/api/audit/export.csv", access: "admin" },
  { method: "GET", path: "/api/users", pattern: "/api/users", access: "admin" },
  { method: "POST", path: "/api/users", pattern: "/api/users", access: "admin", body: {} },
  {
    method: "PATCH",
    path: `/api/users/${NONE}`,
    pattern: "/api/users/[id]",
    access: "admin",
    body: { role: "viewer" },
  },
  { method: "POST", path: `/api/users/${NONE}/invite`, pattern: "/api/users/[id]/invite", access: "admin" },
  { method: "GET", path: "/api/settings/checks", pattern: "/api/settings/checks", access: "viewer" },
  { method: "PUT", path: "/api/settings/checks", pattern: "/api/settings/checks", access: "admin", body: {} },
  { method: "GET", path: "/api/settings/notifications", pattern: "/api/settings/notifications", access: "admin" },
  {
    method: "PUT",
    path: "/api/settings/notifications",
    pattern: "/api/settings/notifications",
    access: "admin",
    body: { webhookUrl: "not a url" },
  },
  {
    method: "POST",
    path: "/api/settings/notifications/test",
    pattern: "/api/settings/notifications/test",
    access: "admin",
  },
  { method: "GET", path: "/api/tokens", pattern: "/api/tokens", access: "viewer" },
  { method: "POST", path: "/api/tokens", pattern: "/api/tokens", access: "viewer", body: {} },
  { method: "DELETE", path: `/api/tokens/${NONE}`, pattern: "/api/tokens/[id]", access: "viewer" },
];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? routeFiles(p) : f === "route.ts" ? [p] : [];
  });
}

test("[ACCESS]: the walk below covers every method of every API route in app/api", () => {
  const declared = routeFiles("app/api").flatMap((file) => {
    const pattern =
      "/" +
      path
        .dirname(file)
        .replace(/^app\//, "")
        .split(path.sep)
        .join("/");
    const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1],
    );
    return methods.map((m) => `${m} ${pattern}`);
  });
  const walked = new Set(ROUTES.map((r) => `${r.method} ${r.pattern}`));
  expect(declared.filter((d) => !walked.has(d))).toEqual([]);
});

async function send(
  ctx: APIRequestContext,
  r: (typeof ROUTES)[number],
  headers: Record<string, string> = {},
): Promise<number> {
  const res = await ctx.fetch(r.path, {
    method: r.method,
    data: r.body,
    headers: { origin: APP_URL, ...headers },
    maxRedirects: 0,
  });
  return res.status();
}

const atLeast = (role: Role, least: Role) => ROLES.indexOf(role) >= ROLES.indexOf(least);
/** An allowed caller gets past authorization and then a real answer: never 401/403, never a server error. */
function expectLetThrough(status: number, what: string) {
  expect([401, 403], what).not.toContain(status);
  expect(status, what).toBeLessThan(500);
}
const tokenScope = (r: (typeof ROUTES)[number]) => r.token ?? (r.method === "GET" ? "read" : "none");

test("[ACCESS]: every route answers 401 without a session, 403 below its role or outside a token's scope, and lets the rest through", async () => {
  const anonymous = await playwrightRequest.newContext({
    baseURL: APP_URL,
    storageState: { cookies: [], origins: [] },
  });
  const contexts = Object.fromEntries(
    await Promise.all(
      ROLES.map(
        async (role) =>
          [role, await playwrightRequest.newContext({ baseURL: APP_URL, storageState: STATE[role] })] as const,
      ),
    ),
  ) as Record<Role, APIRequestContext>;
  const tokens = await Promise.all(
    TOKENS.map(async (t) => {
      const res = await contexts[t.owner].post("/api/tokens", {
        headers: { origin: APP_URL },
        data: { name: `walk ${t.scopes.join("+")}`, scopes: t.scopes, expiresInDays: 1 },
      });
      expect(res.status(), `${t.owner} issues a ${t.scopes.join("+")} token`).toBe(201);
      const secret = ((await res.json()) as { token: string }).token;
      appendFileSync(SECRETS_FILE, `${secret}\n`); // checked against the server log after the run
      const role =
        ROLES[Math.min(ROLES.indexOf(t.owner), Math.max(...t.scopes.map((s) => ROLES.indexOf(SCOPE_ROLE[s]))))]!;
      return { ...t, role, label: `${t.owner}:${t.scopes.join("+")}`, secret };
    }),
  );
  const table: string[] = [];
  for (const r of ROUTES) {
    const row = [`${r.method} ${r.path}`];
    const none = await send(anonymous, r);
    row.push(`none=${none}`);
    if (r.access === "public") expect(none, `${r.method} ${r.path} is public`).not.toBe(401);
    else expect(none, `${r.method} ${r.path} without a session`).toBe(401);
    for (const role of ROLES) {
      const status = await send(contexts[role], r);
      row.push(`${role}=${status}`);
      const allowed = r.access === "public" || atLeast(role, r.access);
      if (allowed) expectLetThrough(status, `${r.method} ${r.path} as ${role}`);
      else expect(status, `${r.method} ${r.path} as ${role}`).toBe(403);
    }
    if (r.access !== "public") {
      const access = r.access;
      const scope = tokenScope(r);
      for (const t of tokens) {
        const status = await send(anonymous, r, { authorization: `Bearer ${t.secret}` });
        row.push(`${t.label}=${status}`);
        const allowed = scope !== "none" && t.scopes.includes(scope) && atLeast(t.role, access);
        if (allowed) expectLetThrough(status, `${r.method} ${r.path} with a ${t.label} token`);
        else expect(status, `${r.method} ${r.path} with a ${t.label} token`).toBe(403);
      }
    }
    table.push(row.join("  "));
  }
  console.log(table.join("\n"));
  await Promise.all([anonymous.dispose(), ...Object.values(contexts).map((c) => c.dispose())]);
});

test("[ACCESS]: every page but sign-in redirects a visitor without a session to sign-in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  for (const p of [
    "/",
    "/clusters",
    "/findings",
    "/reports",
    "/checks",
    "/settings",
    "/settings/checks",
    "/settings/notifications",
    "/settings/users",
    "/settings/tokens",
  ]) {
    await page.goto(p);
    await expect(page).toHaveURL(/\/sign-in$/);
  }
  await context.close();
});
