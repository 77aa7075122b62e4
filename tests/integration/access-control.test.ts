import { describe, expect, it } from "vitest";

import { POST as scanCluster } from "@/app/api/clusters/[id]/scans/route";
import { GET as listClustersRoute } from "@/app/api/clusters/route";
import { POST as acceptInviteRoute } from "@/app/api/invites/accept/route";
import { GET as me } from "@/app/api/me/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { POST as inviteUserRoute, GET as listUsersRoute } from "@/app/api/users/route";
import { dataOf } from "@/lib/contracts/envelope";
import { ZTokenIssued } from "@/lib/contracts/tokens";
import { ZMe, ZUserInvited } from "@/lib/contracts/users";
import { getPrisma } from "@/lib/db/client";

import { APP, call, makeUser, PASSWORD, signIn } from "../helpers/auth";
import { expectJson, expectProblem } from "../helpers/parse-response";

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite session cookie, keeps the token out of the body, and the session identifies the user", async () => {
    const user = await makeUser("analyst");
    const { res, cookie } = await signIn(user.email);
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/bulwark\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toContain(cookie.split("=")[1]!.split(".")[0]!);
    expect(body.token).toBeUndefined();
    const who = await call(me, { headers: { cookie } });
    expect(await expectJson(who, dataOf(ZMe))).toMatchObject({
      data: { email: user.email, role: "analyst", via: "session" },
    });
  });

  it("refuses a wrong password with 401 and records the failure in the audit log", async () => {
    const user = await makeUser("viewer");
    const { res } = await signIn(user.email, "not-the-password", "192.0.2.10");
    expect(res.status).toBe(401);
    const events = await getPrisma().auditEvent.findMany({
      where: { actorEmail: user.email, action: "auth.sign_in_failed" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.ip).toBe("192.0.2.10");
  });

  it("after 5 wrong passwords, a new device waits before the next try, even with the right password", async () => {
    const user = await makeUser("viewer");
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, "wrong-password-123")).res.status).toBe(401);
    const blocked = await signIn(user.email);
    expect(blocked.res.status).toBe(429);
    expect((await blocked.res.json()).message).toMatch(/Too many wrong passwords: try again in \d+ second/);
  });

  it("refuses a disabled user, and disabling ends their sessions", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("viewer");
    const adminCookie = (await signIn(admin.email)).cookie;
    const userCookie = (await signIn(user.email)).cookie;
    expect((await call(me, { headers: { cookie: userCookie } })).status).toBe(200);
    const res = await call(patchUser, {
      method: "PATCH",
      headers: { cookie: adminCookie, origin: APP },
      params: { id: user.id },
      body: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect((await call(me, { headers: { cookie: userCookie } })).status).toBe(401);
    expect((await signIn(user.email)).res.status).toBe(403);
  });

  it("ends a session past the absolute limit however active it was", async () => {
    const user = await makeUser("viewer");
    const { cookie } = await signIn(user.email);
    await getPrisma().session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 13 * 3_600_000) },
    });
    expect((await call(me, { headers: { cookie } })).status).toBe(401);
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("roles and CSRF", () => {
  it("lets an admin list users but not an analyst (403) or nobody (401)", async () => {
    const analyst = await makeUser("analyst");
    const admin = await makeUser("admin");
    expect((await call(listUsersRoute)).status).toBe(401);
    expect((await call(listUsersRoute, { headers: { cookie: (await signIn(analyst.email)).cookie } })).status).toBe(
      403,
    );
    expect((await call(listUsersRoute, { headers: { cookie: (await signIn(admin.email)).cookie } })).status).toBe(200);
  });

  it("refuses a state-changing request from another site even with a valid session", async () => {
    const admin = await makeUser("admin");
    const { cookie } = await signIn(admin.email);
    const body = { email: "csrf-victim@example.test", name: "x", role: "admin" };
    const evil = await call(inviteUserRoute, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
      body,
    });
    expect(evil.status).toBe(403);
    const crossSite = await call(inviteUserRoute, {
      method: "POST",
      headers: { cookie, "sec-fetch-site": "cross-site" },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect(await getPrisma().user.count({ where: { email: "csrf-victim@example.test" } })).toBe(0);
  });

  it("never demotes or disables the last admin", async () => {
    const admins = await getPrisma().user.findMany({ where: { role: "admin", disabled: false } });
    const admin = await makeUser("admin");
    const cookie = (await signIn(admin.email)).cookie;
    // Demote every other admin first, so this one is the last.
    for (const a of admins) await getPrisma().user.update({ where: { id: a.id }, data: { role: "analyst" } });
    try {
      const res = await call(patchUser, {
        method: "PATCH",
        headers: { cookie, origin: APP },
        params: { id: admin.id },
        body: { role: "viewer" },
      });
      expect(res.status).toBe(409);
      expect((await expectProblem(res)).detail).toMatch(/last admin/);
    } finally {
      for (const a of admins) await getPrisma().user.update({ where: { id: a.id }, data: { role: "admin" } });
    }
  });
});

describe("invitations", () => {
  it("an invited user sets a password once through the link and can then sign in", async () => {
    const admin = await makeUser("admin");
    const cookie = (await signIn(admin.email)).cookie;
    const email = `invitee-${Date.now()}@example.test`;
    const invited = await call(inviteUserRoute, {
      method: "POST",
      headers: { cookie, origin: APP },
      body: { email, name: "Invitee", role: "analyst" },
    });
    expect(invited.status).toBe(201);
    const { inviteUrl } = await expectJson(invited, ZUserInvited);
    const token = new URL(inviteUrl).searchParams.get("token")!;
    expect(await getPrisma().verification.count({ where: { value: token } })).toBe(0); // stored hashed
    expect((await signIn(email)).res.status).toBe(401);
    expect(
      (await call(acceptInviteRoute, { method: "POST", headers: { origin: APP }, body: { token, password: PASSWORD } }))
        .status,
    ).toBe(200);
    expect((await signIn(email)).res.status).toBe(200);
    const again = await call(acceptInviteRoute, {
      method: "POST",
      headers: { origin: APP },
      body: { token, password: "another-password-1" },
    });
    expect(again.status).toBe(404);
  });
});

describe("API tokens", () => {
  async function issue(role: "viewer" | "analyst", scopes: string[]) {
    const user = await makeUser(role);
    const cookie = (await signIn(user.email)).cookie;
    const res = await call(createToken, {
      method: "POST",
      headers: { cookie, origin: APP },
      body: { name: "ci", scopes, expiresInDays: 30 },
    });
    return { user, cookie, res, body: res.status === 201 ? await expectJson(res, ZTokenIssued) : null };
  }

  it("are shown once, stored hashed, and limited by scope and by the owner's role", async () => {
    const { res, body } = await issue("analyst", ["read"]);
    expect(res.status).toBe(201);
    expect(body!.token).toMatch(/^bwk_/);
    expect(await getPrisma().apiToken.count({ where: { tokenHash: body!.token } })).toBe(0);
    const auth = { authorization: `Bearer ${body!.token}` };
    expect((await call(listClustersRoute, { headers: auth })).status).toBe(200);
    // A read token of an analyst cannot scan.
    expect((await call(scanCluster, { method: "POST", headers: auth, params: { id: "nope" } })).status).toBe(403);
    // Tokens cannot mint tokens.
    expect(
      (await call(createToken, { method: "POST", headers: auth, body: { name: "x", scopes: ["read"] } })).status,
    ).toBe(403);
  });

  it("a viewer cannot issue a scan token", async () => {
    const { res } = await issue("viewer", ["scan"]);
    expect(res.status).toBe(403);
  });

  it("a revoked or expired token, or one whose owner is disabled, answers 401", async () => {
    const revoked = await issue("analyst", ["read", "scan"]);
    const auth = { authorization: `Bearer ${revoked.body!.token}` };
    expect((await call(me, { headers: auth })).status).toBe(200);
    expect(
      (
        await call(revokeToken, {
          method: "DELETE",
          headers: { cookie: revoked.cookie, origin: APP },
          params: { id: revoked.body!.id },
        })
      ).status,
    ).toBe(204);
    expect((await call(me, { headers: auth })).status).toBe(401);

    const expired = await issue("viewer", ["read"]);
    await getPrisma().apiToken.update({
      where: { id: expired.body!.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await call(me, { headers: { authorization: `Bearer ${expired.body!.token}` } })).status).toBe(401);

    const orphan = await issue("viewer", ["read"]);
    await getPrisma().user.update({ where: { id: orphan.user.id }, data: { disabled: true } });
    expect((await call(me, { headers: { authorization: `Bearer ${orphan.body!.token}` } })).status).toBe(401);
  });

  it("a read token scrapes /api/metrics in Prometheus text format", async () => {
    const { body } = await issue("viewer", ["read"]);
    const res = await call(metrics, { headers: { authorization: `Bearer ${body!.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain("# TYPE bulwark_score gauge");
    expect(text).toContain("# TYPE bulwark_open_findings gauge");
    expect((await call(metrics)).status).toBe(401);
  });
});
