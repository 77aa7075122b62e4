import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

import { STATE } from "../support/constants";

const PAGES = [
  "/",
  "/clusters",
  "/findings",
  "/suppressions",
  "/compare",
  "/reports",
  "/checks",
  "/audit",
  "/settings",
  "/settings/users",
  "/settings/tokens",
];
/** A budget per page for the JavaScript it loads (uncompressed bytes). */
const BUDGET = 1_200_000;

test("[WEIGHT]: every page stays within its JavaScript budget; the sizes are recorded", async ({ browser }) => {
  const sizes: Record<string, number> = {};
  for (const path of PAGES) {
    // A new context per page: an empty cache, so every script the page needs is counted.
    const context = await browser.newContext({ storageState: STATE.admin });
    const fresh = await context.newPage();
    const bodies: Promise<number>[] = [];
    fresh.on("response", (res) => {
      if (res.request().resourceType() === "script")
        bodies.push(
          res.body().then(
            (b) => b.length,
            () => 0,
          ),
        );
    });
    await fresh.goto(path, { waitUntil: "networkidle" });
    sizes[path] = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    await context.close();
  }
  writeFileSync("test-results/page-js-bytes.json", JSON.stringify(sizes, null, 2));
  const [largest, most] = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0]!;
  console.log(`largest page JavaScript: ${largest} ${(most / 1024).toFixed(0)} KiB`, sizes);
  for (const [path, bytes] of Object.entries(sizes)) expect(bytes, path).toBeLessThan(BUDGET);
  expect(Object.values(sizes).every((b) => b > 0)).toBe(true);
});
