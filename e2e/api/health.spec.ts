import { expect, test } from "@playwright/test";

test("[HEALTH]: reports the database as reachable", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});
