import { appendFileSync, readFileSync } from "node:fs";
import { expect, test as setup, type APIRequestContext, type Page } from "@playwright/test";

import { ADMIN, APP_URL, SECRETS_FILE, STATE } from "./constants";

const PASSWORDS = { analyst: "e2e-analyst-password-42a", viewer: "e2e-viewer-password-93b" };
const remember = (secret: string) => appendFileSync(SECRETS_FILE, `${secret}\n`);

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

async function invite(request: APIRequestContext, role: "analyst" | "viewer"): Promise<string> {
  const res = await request.post("/api/users", {
    headers: { origin: APP_URL },
    data: { email: `${role}@bulwark.test`, name: `E2E ${role}`, role },
  });
  expect(res.status()).toBe(201);
  const { inviteUrl } = (await res.json()) as { inviteUrl: string };
  remember(new URL(inviteUrl).searchParams.get("token")!);
  return inviteUrl;
}

setup("sign in as admin; invite an analyst and a viewer who set their passwords", async ({ page, browser }) => {
  remember(ADMIN.password);
  await signInThroughForm(page, ADMIN.email, ADMIN.password);
  await page.context().storageState({ path: STATE.admin });

  for (const role of ["analyst", "viewer"] as const) {
    const link = await invite(page.request, role);
    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(link);
    await invitee.getByLabel("Password (12 characters or more)").fill(PASSWORDS[role]);
    await invitee.getByLabel("Repeat the password").fill(PASSWORDS[role]);
    await invitee.getByRole("button", { name: "Set password" }).click();
    await expect(invitee.getByText("Your password is set.")).toBeVisible();
    remember(PASSWORDS[role]);
    await signInThroughForm(invitee, `${role}@bulwark.test`, PASSWORDS[role]);
    await expect(invitee.getByTestId("current-role")).toHaveText(role);
    await context.storageState({ path: STATE[role] });
    await context.close();
  }
  for (const file of Object.values(STATE)) {
    const state = JSON.parse(readFileSync(file, "utf8")) as { cookies: { name: string; value: string }[] };
    for (const c of state.cookies) remember(decodeURIComponent(c.value).split(".")[0]!);
  }
});
