import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { APP_URL, STAGING_KUBECONFIG } from "../support/constants";

/** Every row a findings page lists, following "Next page" to the end. */
async function rowsListed(page: Page, href: string): Promise<number> {
  await page.goto(href);
  let rows = 0;
  for (;;) {
    await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
    rows += await page.getByTestId("finding-row").count();
    const next = page.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) return rows;
    await next.click();
    await page.waitForURL(/cursor=/);
  }
}

/** Each count link inside `scope`: its number (the first in its text) and where it leads. */
async function countLinks(scope: Locator): Promise<{ label: string; shown: number; href: string }[]> {
  const links = scope.locator('a[data-testid^="count-"], a[data-testid="suppressed-count"]');
  const out = [];
  for (const link of await links.all()) {
    const text = (await link.textContent()) ?? "";
    out.push({
      label: (await link.getAttribute("data-testid")) ?? text,
      shown: Number(/\d+/.exec(text)?.[0]),
      href: (await link.getAttribute("href"))!,
    });
  }
  return out;
}

/** Walks every count to its link in a second tab and compares: [label, shown, listed] for each that differs. */
async function walk(page: Page, scope: Locator): Promise<[string, number, number][]> {
  const links = await countLinks(scope);
  expect(links.length).toBeGreaterThan(3);
  const other = await page.context().newPage();
  const wrong: [string, number, number][] = [];
  for (const l of links) {
    const listed = await rowsListed(other, l.href);
    if (listed !== l.shown) wrong.push([l.label, l.shown, listed]);
  }
  await other.close();
  return wrong;
}

test("[NUMBERS]: every count on the overview and the cluster page equals the rows its link lists", async ({ page }) => {
  test.setTimeout(180_000);
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByRole("article", { name: /demo/ }).getByTestId("count-pod-open")).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 60_000 });
  const card = page.getByRole("article", { name: /demo/ });
  expect(await walk(page, card)).toEqual([]);

  await card.getByRole("link", { name: "demo", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cluster demo" })).toBeVisible();
  expect(await walk(page, page.getByRole("main"))).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/numbers-cluster.png", fullPage: true });
});

/** A port on loopback with nothing listening: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("[NUMBERS]: a cluster whose scan fails shows the failure, its reason and what to do, and claims no coverage", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const kubeconfig = readFileSync(STAGING_KUBECONFIG, "utf8").replace(
    /https:\/\/127\.0\.0\.1:\d+/,
    `https://127.0.0.1:${await closedPort()}`,
  );
  const created = await page.request.post("/api/clusters", {
    data: { source: "kubeconfig_upload", name: "unreachable", kubeconfig },
    headers: { origin: APP_URL },
  });
  expect(created.status()).toBe(201);
  const data = (await created.json()) as { id: string };
  await page.request.post(`/api/clusters/${data.id}/scans`, { headers: { origin: APP_URL } });
  await expect(async () => {
    const posture = (await (await page.request.get(`/api/clusters/${data.id}/posture`)).json()) as {
      data: { failure: unknown };
    };
    expect(posture.data.failure).not.toBeNull();
  }).toPass({ timeout: 60_000 });

  await page.goto("/");
  const card = page.getByRole("article", { name: "unreachable" });
  await expect(card.getByTestId("scan-failure")).toContainText(/Latest scan failed: .*refused/i);
  await expect(card.getByTestId("scan-failure")).toContainText("What to do");
  await expect(card).toContainText("No completed scan yet");

  await card.getByRole("link", { name: "unreachable", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cluster unreachable" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByTestId("scan-failure")).toContainText(/refused/i);
  await expect(main.getByTestId("scan-failure")).toContainText(/Failed at .* UTC/);
  await expect(main).not.toContainText("Every check was evaluated");
  await expect(main).not.toContainText("Everything Bulwark reads was collected");
  await expect(main).not.toContainText("Nothing failing");
  await expect(main.getByTestId("no-completed-scan")).toHaveCount(2);
  await expect(main.getByTestId("trend-empty")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/numbers-failed-scan.png", fullPage: true });
  expect(
    (await page.request.delete(`/api/clusters/${data.id}`, { headers: { origin: APP_URL } })).status(),
  ).toBeLessThan(300);
});
