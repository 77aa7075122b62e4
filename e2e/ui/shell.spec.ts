import { expect, test } from "@playwright/test";

const PAGES = ["Overview", "Clusters", "Findings", "Reports", "Checks", "Settings"] as const;

test("[SHELL]: every section is reachable from the navigation, with its title", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of PAGES) {
    await nav.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(nav.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle(new RegExp(`${name} · Bulwark`));
  }
});

test("[SHELL]: pages without data yet say what to do next", async ({ page }) => {
  for (const [path, empty] of [["/findings", "No findings to show"], ["/reports", "Nothing to report yet"], ["/settings", "No clusters configured"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 2, name: empty })).toBeVisible();
  }
});

test("[SETTINGS]: the read-only ClusterRole can be downloaded", async ({ page, request }) => {
  await page.goto("/settings");
  const link = page.getByRole("link", { name: "Download the read-only ClusterRole" });
  const res = await request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  const yaml = await res.text();
  expect(yaml).toContain("kind: ClusterRole");
  expect(yaml).not.toMatch(/verbs: \[[^\]]*(create|update|patch|delete)/);
});

test("[SHELL]: the skip link moves keyboard focus to the main content", async ({ page }) => {
  await page.goto("/findings");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expect(page.getByRole("main")).toBeVisible();
});

test("[OVERVIEW]: a first start scans the built-in demo cluster and shows its grades per layer", async ({ page }) => {
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 2, name: /^demo/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const card = page.getByRole("article", { name: /demo/ });
  for (const layer of ["node", "network", "secrets", "pod", "container"]) await expect(card.getByText(layer, { exact: true })).toBeVisible();
  await expect(card.getByText(/overall$/)).toBeVisible();
  await expect(card.getByText(/Last completed scan/)).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/overview.png", fullPage: true });

  await card.getByRole("link", { name: "demo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cluster demo" })).toBeVisible();
  const history = page.getByRole("table", { name: /Recent snapshots/ });
  await expect(history.getByText(/\(history\)$/)).toHaveCount(4); // the four imported dated states
  await expect(history.getByText("2 Nov 2026, 06:00 (history)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Weakest namespaces" }).getByText("monitoring")).toBeVisible();
  await expect(page.getByRole("img", { name: /Score trend over \d+ snapshots/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Score trend/ }).locator(".recharts-line")).toHaveCount(6);
  await page.screenshot({ path: "test-results/screenshots/cluster.png", fullPage: true });

  await history.getByRole("link", { name: "5 Oct 2026, 06:00 (history)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Snapshot #3" })).toBeVisible();
  const resolved = page.getByRole("region", { name: "Resolved since the previous snapshot" });
  await expect(resolved.getByText("secrets.hardcoded-credential · ConfigMap shop/cart-config")).toBeVisible();
  await expect(page.getByRole("region", { name: "New in this snapshot" }).getByRole("listitem")).toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/snapshot.png", fullPage: true });
});

test("[CHECKS]: the catalog explains each check and the scoring formula", async ({ page }) => {
  await page.goto("/checks");
  await expect(page.getByRole("heading", { level: 1, name: "Checks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How scores are computed" })).toBeVisible();
  const pod = page.getByRole("region", { name: /pod layer/ });
  await pod.getByText("Privileged containers", { exact: true }).click();
  await expect(pod.getByText("pod.privileged", { exact: true })).toBeVisible();
  await expect(pod.getByText("privileged: false").first()).toBeVisible();
  await expect(pod.getByText(/PSS baseline: Privileged Containers/)).toBeVisible();
  const secrets = page.getByRole("region", { name: /secrets layer/ });
  await expect(secrets.getByText("secrets.rbac-cluster-admin", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/checks.png", fullPage: false });
});
