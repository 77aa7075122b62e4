import { describe, expect, it } from "vitest";

import { GET as auditCsv } from "@/app/api/audit/export.csv/route";
import { GET as auditList } from "@/app/api/audit/route";
import { GET as authRoute } from "@/app/api/auth/[...all]/route";
import { GET as clusters } from "@/app/api/clusters/route";
import { GET as findingRoute } from "@/app/api/findings/[id]/route";
import { GET as findingsCsv } from "@/app/api/findings/export.csv/route";
import { GET as findingsList } from "@/app/api/findings/route";
import { GET as me } from "@/app/api/me/route";
import { POST as propose } from "@/app/api/suppressions/route";

import { APP, call, makeUser, signIn } from "../helpers/auth";

const cursor = (key: string[]) => Buffer.from(JSON.stringify(key)).toString("base64url");
let admin = "";
const get = async (handler: Parameters<typeof call>[0], path: string, params?: Record<string, string>) => {
  admin ||= (await signIn((await makeUser("admin")).email)).cookie;
  return call(handler, { path, params, headers: { cookie: admin } });
};

describe("unchecked input answers 400, never 500 (or 200 for nonsense)", () => {
  it.each([
    ["an out-of-range finding id", findingRoute, "/api/findings/99999999999999999999", { id: "99999999999999999999" }],
    ["a finding id just past bigint", findingRoute, "/api/findings/9223372036854775808", { id: "9223372036854775808" }],
    ["an impossible date", findingsList, "/api/findings?from=2024-99-99", undefined],
    ["February 30th", findingsList, "/api/findings?to=2024-02-30", undefined],
    [
      "day zero of month zero of year zero, in the export",
      findingsCsv,
      "/api/findings/export.csv?to=0000-00-00",
      undefined,
    ],
    ["year zero in the audit export", auditCsv, "/api/audit/export.csv?to=0000-01-01", undefined],
    ["an impossible date in the audit log", auditList, "/api/audit?from=2024-13-01", undefined],
    ["NUL in the text search", findingsList, "/api/findings?q=a%00b", undefined],
    ["NUL in a namespace filter", findingsList, "/api/findings?namespace=%00", undefined],
    ["NUL in the audit actor filter", auditList, "/api/audit?actor=x%00", undefined],
    [
      "an overflowing findings cursor",
      findingsList,
      `/api/findings?cursor=${cursor(["high", "99999999999999999999"])}`,
      undefined,
    ],
    [
      "a findings cursor with an impossible time",
      findingsList,
      `/api/findings?sort=newest&cursor=${cursor(["2024-99-99T00:00:00", "1"])}`,
      undefined,
    ],
    [
      "a findings cursor with NUL",
      findingsList,
      `/api/findings?sort=resource&cursor=${cursor(["a\u0000", "b", "1"])}`,
      undefined,
    ],
    [
      "a findings cursor with an unknown severity",
      findingsList,
      `/api/findings?cursor=${cursor(["urgent", "1"])}`,
      undefined,
    ],
    ["an overflowing audit cursor", auditList, "/api/audit?cursor=9999999999999999999", undefined],
  ] as const)("%s", async (_what, handler, path, params) => {
    const res = await get(handler, path, params);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("an in-range finding id that does not exist is a 404", async () => {
    expect((await get(findingRoute, "/api/findings/9223372036854775807", { id: "9223372036854775807" })).status).toBe(
      404,
    );
  });

  it("an accepted risk for an out-of-range finding id", async () => {
    const analyst = (await signIn((await makeUser("analyst")).email)).cookie;
    const res = await call(propose, {
      method: "POST",
      headers: { cookie: analyst, origin: APP },
      body: {
        findingId: "9999999999999999999",
        scope: "cluster",
        reason: "Out of range id in the request",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(res.status).toBe(400);
  });
});

describe("answers with posture data, users or secrets are never cached", () => {
  it.each([
    ["/api/me", me],
    ["/api/clusters", clusters],
    ["/api/findings", findingsList],
    ["/api/findings/export.csv", findingsCsv],
    ["/api/audit", auditList],
    ["/api/audit/export.csv", auditCsv],
    ["/api/findings/1?bad", findingRoute], // an error answer too
  ] as const)("%s sends Cache-Control: no-store", async (path, handler) => {
    const res = await get(handler, path, { id: "x" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    await res.body?.cancel();
  });

  it("the sign-in library's session answer too", async () => {
    const res = await authRoute(new Request(`${APP}/api/auth/get-session`, { headers: { cookie: admin } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
