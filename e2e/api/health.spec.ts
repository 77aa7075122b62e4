import { expect, test } from "@playwright/test";

test("[HEALTH]: ready: the database answers and the scan queue is installed", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok", queue: "ok" });
});
