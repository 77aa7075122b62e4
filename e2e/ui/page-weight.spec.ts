import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const PAGES = ["/", "/findings", "/suppressions", "/compare", "/reports", "/checks", "/audit", "/settings", "/settings/users", "/settings/tokens"];
/** A budget per page for the JavaScript it loads (uncompressed bytes). */
const BUDGET = 1_200_000;

test("[WEIGHT]: every page stays within its JavaScript budget; the sizes are recorded", async ({ page }) => {
  const sizes: Record<string, number> = {};
  for (const path of PAGES) {
    const context = page.context();
    const fresh = await context.newPage();
    let bytes = 0;
    fresh.on("response", async (res) => {
      if (res.request().resourceType() === "script") bytes += (await res.body().catch(() => Buffer.alloc(0))).length;
    });
    await fresh.goto(path, { waitUntil: "networkidle" });
    sizes[path] = bytes;
    await fresh.close();
  }
  writeFileSync("test-results/page-js-bytes.json", JSON.stringify(sizes, null, 2));
  const [largest, most] = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0]!;
  console.log(`largest page JavaScript: ${largest} ${(most / 1024).toFixed(0)} KiB`, sizes);
  for (const [path, bytes] of Object.entries(sizes)) expect(bytes, path).toBeLessThan(BUDGET);
  expect(Object.values(sizes).every((b) => b > 0)).toBe(true);
});
