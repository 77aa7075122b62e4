import { appendFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { SECRETS_FILE } from "../support/constants";

const signedOut = { storageState: { cookies: [], origins: [] } };

async function signInWithSso(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext(signedOut)).newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Example SSO" }).click();
  // The identity provider's own pages: login, then consent.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent is asked the first time only; then the provider sends the user straight back.
  const overview = page.getByRole("heading", { level: 1, name: "Overview" });
  const consent = page.getByRole("button", { name: "Continue" });
  await expect(overview.or(consent)).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(overview).toBeVisible();
  return page;
}

test.describe("signed out", () => {
  test.use(signedOut);

  test("[ACCESS]: a wrong password is refused with a clear message and no session", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel("Email").fill("admin@bulwark.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Invalid email or password/i);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test("[SSO]: single sign-on through an OpenID provider maps the groups claim to a role", async ({ browser }) => {
  const alice = await signInWithSso(browser, "alice");
  await expect(alice.getByTestId("current-role")).toHaveText("analyst");
  await alice.screenshot({ path: "test-results/screenshots/sso-signed-in.png" });
  const bob = await signInWithSso(browser, "bob");
  await expect(bob.getByTestId("current-role")).toHaveText("viewer");
  // A viewer is refused the users page and the users API.
  await bob.goto("/settings/users");
  await expect(bob).toHaveURL(/\/\?forbidden=1$/);
  expect((await bob.request.get("/api/users")).status()).toBe(403);
});

test("[ACCESS]: sign out everywhere ends the user's other sessions", async ({ browser }) => {
  const first = await signInWithSso(browser, "carol");
  await expect(first.getByTestId("current-role")).toHaveText("admin");
  const second = await signInWithSso(browser, "carol");
  await second.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(second).toHaveURL(/\/sign-in$/);
  await first.goto("/checks");
  await expect(first).toHaveURL(/\/sign-in$/);
});

test("[ACCESS]: pages carry a nonce CSP and anti-framing headers, and nothing trips the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Checks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checks" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("[USERS]: an admin invites a user, changes the role and disables them", async ({ page }) => {
  await page.goto("/settings/users");
  await page.getByLabel("Email").fill("dana@bulwark.test");
  await page.getByLabel("Name").fill("Dana");
  // The list reloads once the invitation is made: wait for the first list answered after it.
  let invited = false;
  const relisted = page.waitForResponse((r) => {
    if (new URL(r.url()).pathname !== "/api/users") return false;
    if (r.request().method() === "POST") invited = true;
    return invited && r.request().method() === "GET";
  });
  await page.getByRole("button", { name: "Invite" }).click();
  await relisted;
  const link = await page.getByTestId("one-time-secret").textContent();
  expect(link).toMatch(/\/invite\?token=[\w-]{40,}/);
  appendFileSync(SECRETS_FILE, `${new URL(link!).searchParams.get("token")}\n`);
  const row = page.getByTestId("user-dana@bulwark.test");
  await expect(row).toContainText("invited");
  await row.getByLabel("Role of dana@bulwark.test").selectOption("analyst");
  await expect(row.getByLabel("Role of dana@bulwark.test")).toHaveValue("analyst");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  await page.screenshot({ path: "test-results/screenshots/settings-users.png", fullPage: true });
});

test("[TOKENS]: an API token is shown once, scrapes the metrics, and stops working when revoked", async ({
  page,
  playwright,
}) => {
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("prometheus");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("one-time-secret").textContent())!;
  expect(token).toMatch(/^bwk_[\w-]{40,}$/);
  appendFileSync(SECRETS_FILE, `${token}\n`);
  const api = await playwright.request.newContext({ baseURL: page.url(), storageState: signedOut.storageState });
  const scrape = await api.get("/api/metrics", { headers: { authorization: `Bearer ${token}` } });
  expect(scrape.status()).toBe(200);
  expect(await scrape.text()).toMatch(/^bulwark_score\{cluster="demo",layer="overall"\} \d+(\.\d+)?$/m);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("one-time-secret")).toHaveCount(0);
  await page.getByTestId("token-prometheus").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("token-prometheus")).toContainText("revoked");
  expect((await api.get("/api/metrics", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await page.screenshot({ path: "test-results/screenshots/settings-tokens.png", fullPage: true });
  await api.dispose();
});
