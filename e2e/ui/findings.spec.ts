import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

const HOSTILE = `=HYPERLINK("http://evil.example","open")<script>alert(1)</script><img src=x onerror=alert(2)>`;

async function waitForDemoFindings(page: Page) {
  await expect(async () => {
    await page.goto("/findings");
    await expect(page.getByTestId("finding-row").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

test("[FINDINGS]: filter by layer and severity, open a detail, share the link, download the CSV", async ({
  page,
  browser,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await waitForDemoFindings(page);
  const filters = page.getByRole("form", { name: "Filter findings" });
  await filters.getByRole("checkbox", { name: "container" }).check();
  await filters.getByRole("checkbox", { name: "high" }).check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/layer=container/);
  await expect(page).toHaveURL(/severity=high/);
  const rows = page.getByTestId("finding-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).getByRole("cell").nth(0)).toHaveText("high");
    await expect(rows.nth(i).getByRole("cell").nth(5)).toHaveText("container");
  }
  await page.screenshot({ path: "test-results/screenshots/findings.png", fullPage: true });

  // The same address in a new page shows the same view.
  const shared = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await shared.goto(page.url());
  await expect(shared.getByTestId("finding-row")).toHaveCount(count);
  await expect(shared.getByTestId("finding-row").first()).toHaveText((await rows.first().textContent())!);
  await expect(
    shared.getByRole("form", { name: "Filter findings" }).getByRole("checkbox", { name: "container" }),
  ).toBeChecked();

  // The CSV has the header and the rows of the view.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bulwark-findings-all-clusters-\d{8}-\d{6}Z\.csv$/);
  const csv = parse(readFileSync((await file.path())!, "utf8")) as string[][];
  expect(csv[0]).toEqual(
    expect.arrayContaining([
      "cluster",
      "layer",
      "check_id",
      "severity",
      "status",
      "namespace",
      "name",
      "message",
      "first_seen",
    ]),
  );
  expect(csv.length - 1).toBe(count);
  expect(csv.slice(1).every((r) => r[2] === "container" && r[5] === "high")).toBe(true);

  // A detail: message, remediation with its YAML fragment, references, history.
  await page.goto("/findings?check=container.writable-root-fs");
  await page.getByTestId("finding-row").first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "How to fix it" })).toBeVisible();
  await expect(page.locator("pre").first()).toContainText("readOnlyRootFilesystem");
  await expect(page.getByRole("heading", { level: 2, name: "History across snapshots" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/finding-detail.png", fullPage: true });
  expect(dialogs).toEqual([]);
});

test("[FINDINGS]: hostile text from a cluster is shown as text and stays inert in the CSV", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await waitForDemoFindings(page);
  // Every status: the accepted-risks journey may have accepted this very finding already.
  await page.goto("/findings?namespace=playground&check=container.image-tag-latest&status=all");
  const message = page.getByTestId("finding-row").first().getByRole("cell").nth(3);
  await expect(message).toContainText(HOSTILE);
  expect(await page.locator("main script, main img").count()).toBe(0);
  await message.locator("..").getByRole("link").click();
  await expect(page.getByTestId("finding-message")).toContainText(HOSTILE);
  expect(await page.locator("main img").count()).toBe(0);

  const res = await page.request.get("/api/findings/export.csv?namespace=playground");
  const rows = parse(await res.text()) as string[][];
  const hostile = rows.filter((r) => r.some((cell) => cell.includes("<script>")));
  expect(hostile.length).toBeGreaterThan(0);
  // No cell that reaches a spreadsheet starts with a formula character.
  expect(
    rows
      .slice(1)
      .flat()
      .filter((cell) => /^[=+\-@\t\r]/.test(cell)),
  ).toEqual([]);
  expect(dialogs).toEqual([]);
});

test("[REPORTS]: a report for a cluster and a period prints to a readable PDF", async ({ page }) => {
  await page.goto("/reports");
  const form = page.getByRole("form", { name: "Report options" });
  await form.getByRole("checkbox", { name: "demo" }).check();
  await form.getByLabel("Period").selectOption("180");
  await form.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/days=180/);
  await expect(page.getByTestId("report-scope")).toContainText("demo");
  for (const h of [
    "Score per layer",
    "New and resolved findings per week",
    "Open critical and high findings",
    "Mean time to resolve, by severity",
    "Five weakest namespaces",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(h) })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /Score trend over \d+ snapshots/ })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: /Five weakest namespaces/ })
      .getByRole("listitem")
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/report.png", fullPage: true });

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await page.screenshot({ path: "test-results/screenshots/report-print.png", fullPage: true });
  const pdf = await page.pdf({ path: "test-results/report.pdf", format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(4);
});

test("[FINDINGS]: pages forward with Next and back with Previous, to the same rows", async ({ page }) => {
  await waitForDemoFindings(page);
  await page.goto("/findings?limit=25&status=all");
  const pages = page.getByRole("navigation", { name: "Pages" });
  const rows = page.getByTestId("finding-row");
  const first = await rows.allTextContents();
  expect(first).toHaveLength(25);
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows.first()).not.toHaveText(first[0]!);
  const second = await rows.allTextContents();
  expect(second[0]).not.toBe(first[0]);
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(rows.first()).not.toHaveText(second[0]!);
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(rows.first()).toHaveText(second[0]!);
  expect(await rows.allTextContents()).toStrictEqual(second);
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(rows.first()).toHaveText(first[0]!);
  expect(await rows.allTextContents()).toStrictEqual(first);
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
});
