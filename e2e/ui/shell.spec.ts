import { expect, test } from "@playwright/test";

const PAGES = [
  { link: "Overview", title: "Overview", empty: "No clusters yet" },
  { link: "Clusters", title: "Clusters", empty: "No clusters registered" },
  { link: "Findings", title: "Findings", empty: "No findings to show" },
  { link: "Reports", title: "Reports", empty: "Nothing to report yet" },
  { link: "Settings", title: "Settings", empty: "No clusters configured" },
] as const;

test("[SHELL]: every section is reachable from the navigation and says what to do next", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const p of PAGES) {
    await nav.getByRole("link", { name: p.link }).click();
    await expect(page.getByRole("heading", { level: 1, name: p.title })).toBeVisible();
    await expect(nav.getByRole("link", { name: p.link })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 2, name: p.empty })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`${p.title} · Bulwark`));
  }
  await page.screenshot({ path: "test-results/screenshots/shell-settings.png", fullPage: true });
});

test("[SHELL]: the skip link moves keyboard focus to the main content", async ({ page }) => {
  await page.goto("/findings");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(page.getByRole("main")).toBeVisible();
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
  await page.screenshot({ path: "test-results/screenshots/checks.png", fullPage: false });
});
