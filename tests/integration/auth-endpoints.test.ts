import { describe, expect, it } from "vitest";

import { POST as acceptInvite } from "@/app/api/invites/accept/route";
import { GET as me } from "@/app/api/me/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { POST as reissueInvite } from "@/app/api/users/[id]/invite/route";
import { getAuth } from "@/lib/auth/auth";
import { ZTokenIssued } from "@/lib/contracts/tokens";
import { ZInviteLink } from "@/lib/contracts/users";
import { getPrisma } from "@/lib/db/client";

import { APP, call, makeUser, PASSWORD, signIn } from "../helpers/auth";
import { expectJson } from "../helpers/parse-response";

/** A call to the sign-in library's own endpoint, as the browser makes it. */
const authCall = (path: string, cookie: string, body?: unknown) =>
  getAuth().handler(
    new Request(`${APP}/api/auth${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie, origin: APP, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

describe("password changes end sessions", () => {
  it("a password set through a reissued invitation ends the user's sessions and revokes their API tokens", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("analyst");
    const adminCookie = (await signIn(admin.email)).cookie;
    const userCookie = (await signIn(user.email)).cookie;
    const token = (
      await expectJson(
        await call(createToken, {
          method: "POST",
          headers: { cookie: userCookie, origin: APP },
          body: { name: "ci", scopes: ["read"], expiresInDays: 30 },
        }),
        ZTokenIssued,
      )
    ).token;
    expect((await call(me, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const reissued = await call(reissueInvite, {
      method: "POST",
      headers: { cookie: adminCookie, origin: APP },
      params: { id: user.id },
    });
    expect(reissued.status).toBe(200);
    const secret = new URL((await expectJson(reissued, ZInviteLink)).inviteUrl).searchParams.get("token")!;
    expect(
      (
        await call(acceptInvite, {
          method: "POST",
          headers: { origin: APP },
          body: { token: secret, password: "a-brand-new-password-42" },
        })
      ).status,
    ).toBe(200);

    expect((await call(me, { headers: { cookie: userCookie } })).status).toBe(401);
    expect((await call(me, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await signIn(user.email, "a-brand-new-password-42")).res.status).toBe(200);
  });

  it("changing one's own password ends every other session, even when asked to keep them", async () => {
    const user = await makeUser("viewer");
    const phone = (await signIn(user.email)).cookie;
    const laptop = (await signIn(user.email)).cookie;
    const res = await authCall("/change-password", laptop, {
      currentPassword: PASSWORD,
      newPassword: "another-long-password-7",
      revokeOtherSessions: false,
    });
    expect(res.status).toBe(200);
    expect((await call(me, { headers: { cookie: phone } })).status).toBe(401);
  });
});

describe("the absolute session limit on the sign-in library's endpoints", () => {
  it.each([
    ["get-session", undefined],
    ["list-sessions", undefined],
    ["update-user", { name: "Still here" }],
  ] as const)("%s refuses a session past the limit and ends it", async (path, body) => {
    const user = await makeUser("viewer");
    const { cookie } = await signIn(user.email);
    await getPrisma().session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 13 * 3_600_000) },
    });
    const res = await authCall(`/${path}`, cookie, body);
    const text = await res.text();
    expect(res.status === 401 || text === "null", `${res.status} ${text}`).toBe(true);
    expect(text).not.toContain(user.email);
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await getPrisma().user.findUnique({ where: { id: user.id } }))!.name).not.toBe("Still here");
  });
});

describe("self-service profile update", () => {
  it.each([
    ["a 100,000-character name", { name: "x".repeat(100_000) }],
    ["a javascript: image URL", { image: "javascript:alert(document.cookie)" }],
    ["a data: image URL", { image: "data:text/html,<script>alert(1)</script>" }],
    ["a name with control characters", { name: "Eve\u0000\u001b[31m" }],
    ["a field it may not set", { role: "admin" }],
  ])("refuses %s with 400", async (_what, body) => {
    const user = await makeUser("viewer");
    const { cookie } = await signIn(user.email);
    const res = await authCall("/update-user", cookie, body);
    expect(res.status).toBe(400);
    const row = (await getPrisma().user.findUnique({ where: { id: user.id } }))!;
    expect(row.name).toBe("Test viewer");
    expect(row.image).toBeNull();
    expect(row.role).toBe("viewer");
  });

  it("accepts an ordinary name and an https image", async () => {
    const user = await makeUser("viewer");
    const { cookie } = await signIn(user.email);
    expect(
      (await authCall("/update-user", cookie, { name: "Ada Lovelace", image: "https://example.test/ada.png" })).status,
    ).toBe(200);
    expect((await getPrisma().user.findUnique({ where: { id: user.id } }))!.name).toBe("Ada Lovelace");
  });
});
