import { expect, test } from "@playwright/test";

import { APP_URL, STATE } from "../support/constants";

test.describe("accepted risks", () => {
  test.use({ storageState: STATE.analyst });

  test("[RISKS]: an analyst proposes accepting a high finding, an admin approves, the scores count it at once and after the next scan, the audit log has each step", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await expect(async () => {
      await page.goto("/findings?namespace=playground&check=container.image-tag-latest");
      await expect(page.getByTestId("finding-row").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await page.getByTestId("finding-row").first().getByRole("link").click();
    const form = page.getByRole("form", { name: "Accept this risk" });
    await form
      .getByLabel(/Reason/)
      .fill("Batch importer on an isolated node pool; image pinned by the data team in Q1.");
    await expect(form.getByText(/a second person must approve/)).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/risk-1-propose.png", fullPage: true });
    await form.getByRole("button", { name: "Propose accepted risk" }).click();
    await expect(page.getByRole("status")).toContainText("takes effect once another analyst or an admin approves it");

    // The author cannot approve; an admin can.
    await page.goto("/suppressions");
    const row = page.locator("tr", { hasText: "container.image-tag-latest" }).first();
    await expect(row).toContainText("pending");
    await expect(row.getByRole("button", { name: "Approve" })).toHaveCount(0);
    const admin = await (await browser.newContext({ storageState: STATE.admin })).newPage();
    await admin.goto("/suppressions");
    const adminRow = admin.locator("tr", { hasText: "container.image-tag-latest" }).first();
    await adminRow.getByRole("button", { name: "Approve" }).click();
    await expect(adminRow).toContainText("active");
    await expect(adminRow).toContainText("approved by admin@bulwark.test");
    await admin.screenshot({ path: "test-results/screenshots/risk-2-approved.png", fullPage: true });

    // The finding is now shown as an accepted risk, and the scores count it as passing at once, before any scan.
    await page.goto("/findings?namespace=playground&check=container.image-tag-latest&status=suppressed");
    await expect(page.getByTestId("finding-row")).toHaveCount(1);
    await expect(page.getByTestId("finding-row")).toContainText("accepted risk");
    await page.goto("/");
    await expect(page.getByTestId("suppressed-count")).toContainText("1 finding under an accepted risk");
    const clusters = (await (await admin.request.get("/api/clusters")).json()) as {
      data: { id: string; name: string }[];
    };
    const demo = clusters.data.find((c) => c.name === "demo")!;
    const scan = await admin.request.post(`/api/clusters/${demo.id}/scans`, { headers: { origin: APP_URL } });
    expect(scan.status()).toBe(202);
    await expect(async () => {
      await page.goto("/");
      await expect(page.getByTestId("suppressed-count")).toContainText("1 finding under an accepted risk", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 60_000 });
    await page.screenshot({ path: "test-results/screenshots/risk-3-score.png", fullPage: true });

    // Each step is in the audit log.
    await admin.goto("/audit?action=suppression.");
    await expect(admin.getByTestId("audit-row").filter({ hasText: "suppression.created" })).toContainText(
      "analyst@bulwark.test",
    );
    await expect(admin.getByTestId("audit-row").filter({ hasText: "suppression.approved" })).toContainText(
      "admin@bulwark.test",
    );
    await admin.screenshot({ path: "test-results/screenshots/risk-4-audit.png", fullPage: true });
    await admin.goto("/audit?action=scan.");
    await expect(admin.getByTestId("audit-row").first()).toContainText("scan.requested");
  });
});
