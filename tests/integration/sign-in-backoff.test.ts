import { describe, expect, it } from "vitest";

import { GET as me } from "@/app/api/me/route";
import { getAuth } from "@/lib/auth/auth";
import { getPrisma } from "@/lib/db/client";

import { APP, call, makeUser, PASSWORD } from "../helpers/auth";

/** A sign-in POST as a browser or a script would send it; returns the response and the cookies it set. */
async function post(
  email: string,
  password: string,
  opts: { ip: string; origin?: string; cookie?: string; form?: boolean },
) {
  const headers: Record<string, string> = { origin: opts.origin ?? APP, "x-forwarded-for": opts.ip };
  if (opts.cookie) headers.cookie = opts.cookie;
  headers["content-type"] = opts.form ? "application/x-www-form-urlencoded" : "application/json";
  const body = opts.form ? new URLSearchParams({ email, password }).toString() : JSON.stringify({ email, password });
  const res = await getAuth().handler(new Request(`${APP}/api/auth/sign-in/email`, { method: "POST", headers, body }));
  return {
    res,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}
const failures = (email: string) =>
  getPrisma().auditEvent.count({ where: { actorEmail: email, action: { startsWith: "auth.sign_in_failed" } } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("sign-in back-off", () => {
  it("a web page posting wrong passwords cross-origin counts nothing: the owner still signs in from the same address", async () => {
    const victim = await makeUser("viewer", "victim");
    const ip = "192.0.2.201";
    for (let i = 0; i < 25; i++) {
      const { res } = await post(victim.email, "wrong-password-123", {
        ip,
        origin: "https://evil.example",
        form: true,
      });
      expect(res.status).toBe(403);
    }
    expect(await failures(victim.email)).toBe(0);
    expect((await post(victim.email, PASSWORD, { ip })).res.status).toBe(200);
  });

  it("backs off exponentially after 5 wrong passwords per account, saying how long to wait", async () => {
    const user = await makeUser("viewer", "guessed");
    for (let i = 0; i < 5; i++)
      expect((await post(user.email, "wrong-password-123", { ip: `192.0.2.${210 + i}` })).res.status).toBe(401);
    const first = (await post(user.email, PASSWORD, { ip: "192.0.2.216" })).res;
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(((await first.json()) as { message: string }).message).toMatch(/try again in 1 second/);
    await sleep(1_100);
    expect((await post(user.email, "wrong-password-123", { ip: "192.0.2.217" })).res.status).toBe(401); // the 6th real check
    const second = (await post(user.email, PASSWORD, { ip: "192.0.2.218" })).res;
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("2");
    await sleep(2_100);
    expect((await post(user.email, PASSWORD, { ip: "192.0.2.219" })).res.status).toBe(200);
    // Refusals during back-off checked no password and count nothing.
    expect(await failures(user.email)).toBe(6);
  });

  it("the right password from a device that signed in before gets through while others are backed off", async () => {
    const owner = await makeUser("analyst", "owner");
    const laptop = await post(owner.email, PASSWORD, { ip: "192.0.2.220" });
    expect(laptop.res.status).toBe(200);
    const device = laptop.cookie.split("; ").find((c) => c.startsWith("bulwark.known_device="))!;
    expect(device).toBeDefined();
    expect(laptop.res.headers.getSetCookie().find((c) => c.startsWith("bulwark.known_device="))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i,
    );
    for (let i = 0; i < 8; i++) await post(owner.email, "wrong-password-123", { ip: `192.0.2.${221 + i}` });
    expect((await post(owner.email, PASSWORD, { ip: "192.0.2.230" })).res.status).toBe(429);
    // A forged device cookie does not help.
    const forged = `bulwark.known_device=${encodeURIComponent(`${owner.id}:1.bm90LWEtc2lnbmF0dXJl`)}`;
    expect((await post(owner.email, PASSWORD, { ip: "192.0.2.230", cookie: forged })).res.status).toBe(429);
    const back = await post(owner.email, PASSWORD, { ip: "192.0.2.230", cookie: device });
    expect(back.res.status).toBe(200);
    expect((await call(me, { headers: { cookie: back.cookie } })).status).toBe(200);
    // Nor does another account's device cookie.
    const other = await makeUser("viewer", "other");
    for (let i = 0; i < 5; i++) await post(other.email, "wrong-password-123", { ip: "192.0.2.231" });
    expect((await post(other.email, PASSWORD, { ip: "192.0.2.232", cookie: device })).res.status).toBe(429);
  });

  it("backs off an address after 20 wrong passwords across accounts, but not the owner's known device there", async () => {
    const ip = "192.0.2.240";
    const owner = await makeUser("viewer", "office");
    const device = (await post(owner.email, PASSWORD, { ip })).cookie
      .split("; ")
      .find((c) => c.startsWith("bulwark.known_device="))!;
    for (let i = 0; i < 20; i++)
      expect((await post(`nobody-${i}@example.test`, "wrong-password-123", { ip })).res.status).toBe(401);
    const stranger = await makeUser("viewer", "stranger");
    expect((await post(stranger.email, PASSWORD, { ip })).res.status).toBe(429);
    expect((await post(owner.email, PASSWORD, { ip, cookie: device })).res.status).toBe(200);
  });

  it("keeps the sign-in library's request counts in the database, so every web worker and replica shares one limit", async () => {
    const user = await makeUser("viewer", "counted");
    const ip = "198.51.100.77";
    for (let i = 0; i < 3; i++) await post(user.email, "wrong-password-123", { ip });
    const rows = await getPrisma().rateLimit.findMany({ where: { key: { contains: ip } } });
    expect(rows.map((r) => [r.key.includes("/sign-in/email"), r.count])).toEqual([[true, 3]]);
    // Past the limit the library refuses with 429, whichever process answers: the count is the row's.
    await getPrisma().rateLimit.update({ where: { key: rows[0]!.key }, data: { count: 30 } });
    const refused = await post(user.email, PASSWORD, { ip });
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get("x-retry-after"))).toBeGreaterThan(0);
  });
});
