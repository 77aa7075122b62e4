import { appendFileSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

import { APP_URL, SECRETS_FILE, STAGING_KUBECONFIG, STATE } from "../support/constants";

const PAGES = [
  "Overview",
  "Clusters",
  "Findings",
  "Accepted risks",
  "Frameworks",
  "Compare",
  "Reports",
  "Checks",
  "Audit log",
  "Settings",
] as const;

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
  for (const layer of ["node", "network", "secrets", "pod", "container"])
    await expect(card.getByText(layer, { exact: true })).toBeVisible();
  await expect(card.getByText(/overall$/)).toBeVisible();
  await expect(card.getByText(/Last completed scan/)).toBeVisible();
  await expect(card.getByTestId("week-change")).toContainText("since a week ago");
  await expect(card.getByRole("img", { name: /Overall score over the last 30 days/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/overview.png", fullPage: true });

  await card.getByRole("link", { name: "demo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cluster demo" })).toBeVisible();
  const history = page.getByRole("table", { name: /Recent snapshots/ });
  await expect(history.getByText(/\(history\)$/)).toHaveCount(4); // the four imported dated states
  await expect(history.getByText("2 Nov 2026, 06:00 (history)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Weakest namespaces" }).getByText("monitoring")).toBeVisible();
  await expect(page.getByRole("img", { name: /Score trend over \d+ snapshots/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Score trend/ }).locator(".recharts-line")).toHaveCount(6);
  await expect(page.getByRole("region", { name: /Why the score moved since snapshot #\d+/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Checks failing most" }).getByRole("listitem").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/cluster.png", fullPage: true });

  // A layer's failing checks, then back to the cluster.
  await page.getByRole("link", { name: "container: open findings" }).click();
  await expect(page).toHaveURL(/layer=container/);
  await expect(page.getByTestId("finding-row").first()).toBeVisible();
  await page.goBack();

  await history.getByRole("link", { name: "5 Oct 2026, 06:00 (history)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Snapshot #3" })).toBeVisible();
  const resolved = page.getByRole("region", { name: "Resolved since the previous snapshot" });
  await expect(resolved.getByText("secrets.hardcoded-credential · ConfigMap shop/cart-config")).toBeVisible();
  // The third dated state moved a credential from a ConfigMap into a Secret env var, and added a
  // ValidatingAdmissionPolicy bound only to warn: exactly those two are new.
  const added = page.getByRole("region", { name: "New in this snapshot" });
  await expect(added.getByText("secrets.env-var-secret · Deployment shop/payments")).toBeVisible();
  await expect(
    added.getByText("pod.admission-policy-not-enforcing · ValidatingAdmissionPolicy require-team-label"),
  ).toBeVisible();
  await expect(added.getByRole("listitem")).toHaveCount(2);
  await page.screenshot({ path: "test-results/screenshots/snapshot.png", fullPage: true });
});

test("[OVERVIEW]: a viewer's overview follows a scan started elsewhere and shows its end without a reload", async ({
  browser,
  page,
}) => {
  const viewer = await (await browser.newContext({ storageState: STATE.viewer })).newPage();
  // The overview's first look at the cluster sets what counts as a newer scan.
  const firstLook = viewer.waitForResponse((r) => /\/api\/clusters\/[^/]+$/.test(new URL(r.url()).pathname) && r.ok());
  await viewer.goto("/");
  await firstLook;
  const card = viewer.getByRole("article", { name: /demo/ });
  await expect(card.getByRole("button", { name: /Scan/ })).toHaveCount(0); // viewers cannot start scans
  await expect(card.getByRole("status")).toHaveText("");

  const clusters = (await (await page.request.get("/api/clusters")).json()) as { data: { id: string; name: string }[] };
  const demo = clusters.data.find((c) => c.name === "demo")!;
  expect((await page.request.post(`/api/clusters/${demo.id}/scans`, { headers: { origin: APP_URL } })).status()).toBe(
    202,
  );

  await expect(card.getByRole("status")).toHaveText(/^Scan (succeeded|partial)$/, { timeout: 30_000 });
  await viewer.context().close();
});

test("[SETTINGS]: an admin switches a check off and raises another's severity; a viewer can only read them", async ({
  browser,
  page,
}) => {
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Checks" }).click();
  const form = page.getByRole("form", { name: "Check settings" });
  await form.getByRole("checkbox", { name: "Run container.image-not-pinned" }).uncheck();
  await form.getByRole("combobox", { name: "Severity of pod.probes-missing" }).selectOption("high");
  await form.getByLabel(/Allowed registries/).fill("registry.example.com\nghcr.io/acme");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved. Each cluster's next scan uses these settings.");

  await page.reload();
  await expect(form.getByRole("checkbox", { name: "Run container.image-not-pinned" })).not.toBeChecked();
  await expect(form.getByRole("combobox", { name: "Severity of pod.probes-missing" })).toHaveValue("high");
  await expect(form.getByLabel(/Allowed registries/)).toHaveValue("registry.example.com\nghcr.io/acme");
  await page.screenshot({ path: "test-results/screenshots/settings-checks.png", fullPage: false });
  // The catalog says so too.
  await page.goto("/checks");
  await expect(
    page
      .getByRole("region", { name: /container layer/ })
      .getByRole("listitem")
      .filter({ hasText: "Images not pinned by" }),
  ).toContainText("switched off in settings");
  await expect(
    page
      .getByRole("region", { name: /pod layer/ })
      .getByRole("listitem")
      .filter({ hasText: "pod.probes-missing" }),
  ).toContainText("(default low)");

  const viewer = await (await browser.newContext({ storageState: STATE.viewer })).newPage();
  await viewer.goto("/settings/checks");
  await expect(viewer.getByText("Only admins can change these settings.")).toBeVisible();
  await expect(viewer.getByRole("checkbox", { name: "Run container.image-not-pinned" })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await viewer.context().close();

  // Back to the defaults, for the journeys that follow.
  const { defaults } = (await (await page.request.get("/api/settings/checks")).json()) as { defaults: unknown };
  expect(
    (await page.request.put("/api/settings/checks", { data: defaults, headers: { origin: APP_URL } })).status(),
  ).toBe(200);
});

test("[SETTINGS]: an admin sets a webhook, sees its signing secret once, tests it, and turns it off", async ({
  page,
}) => {
  await page.goto("/settings/notifications");
  const form = page.getByRole("form", { name: "Webhook" });
  // A receiver on this machine that refuses POST: the test must report how it answered.
  await form.getByLabel(/^URL/).fill(`${APP_URL}/api/health`);
  await form.getByLabel("Send findings at or above").selectOption("critical");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("one-time-secret")).toHaveText(/^bwh_[\w-]{43}$/);
  appendFileSync(SECRETS_FILE, `${await page.getByTestId("one-time-secret").textContent()}\n`); // the log scan looks for it
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("one-time-secret")).toHaveCount(0);
  await form.getByRole("button", { name: "Send a test" }).click();
  await expect(form.getByRole("status")).toContainText("Test failed: answered 405.");
  await page.screenshot({ path: "test-results/screenshots/settings-notifications.png", fullPage: false });

  await page.reload();
  await expect(form.getByLabel(/^URL/)).toHaveValue(`${APP_URL}/api/health`);
  await expect(page.getByTestId("one-time-secret")).toHaveCount(0);
  await form.getByLabel(/^URL/).fill("");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Notifications are off.");
});

test("[CHECKS]: the catalog explains each check and the scoring formula", async ({ page }) => {
  await page.goto("/checks");
  await expect(page.getByRole("heading", { level: 1, name: "Checks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How scores are computed" })).toBeVisible();
  const principles = page.getByRole("region", { name: "What a finding means" });
  await expect(principles).toContainText("One root cause gives one finding.");
  await expect(principles).toContainText("A check that cannot know says “not evaluated”");
  const secrets = page.getByRole("region", { name: /secrets layer/ });
  await expect(secrets.getByText("secrets.rbac-cluster-admin", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/checks.png", fullPage: false });
  // Each check has its page: what it does from manifests and from a cluster, how to fix it, where it fails.
  const network = page.getByRole("region", { name: /network layer/ });
  await network.getByRole("link", { name: "Pods can reach the cloud metadata API", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pods can reach the cloud metadata API" })).toBeVisible();
  await expect(page.getByText(/from manifests, or on nodes that name no such cloud, it does not apply/)).toBeVisible();
  await page.goBack();
  const pod = page.getByRole("region", { name: /pod layer/ });
  await pod.getByRole("link", { name: "Privileged containers", exact: true }).click();
  await expect(page.getByText("pod.privileged", { exact: true })).toBeVisible();
  await expect(page.getByText("privileged: false").first()).toBeVisible();
  await expect(page.getByText(/PSS baseline: Privileged Containers/)).toBeVisible();
  // The demo runs privileged pods: its cluster is listed, linked to those findings.
  const failing = page.getByRole("region", { name: /^Failing now/ });
  await failing.getByRole("link", { name: "demo", exact: true }).click();
  await expect(page).toHaveURL(/\/findings\?cluster=.+&check=pod\.privileged/);
});

test("[SETTINGS]: an admin adds a cluster from an uploaded kubeconfig, tests it, and its first scan finishes, saying what it could not evaluate", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Add a cluster" });
  await form.getByLabel(/^Name/).fill("staging");
  await form.getByLabel(/^Kubeconfig \(paste/).fill(readFileSync(STAGING_KUBECONFIG, "utf8"));
  await form.getByRole("button", { name: "Add and scan" }).click();
  const row = page.getByTestId("cluster-staging");
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Test connection" }).click();
  await expect(row.getByRole("status")).toContainText(/Reachable · Kubernetes v\d/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("cluster-staging")).toContainText(/last scan .* partial/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await page.screenshot({ path: "test-results/screenshots/settings-clusters.png", fullPage: true });
  await page.goto("/");
  const card = page.getByRole("article", { name: "staging" });
  await expect(card).toBeVisible();

  // Its scanner may not list network policies: the network checks are left out, and the card says so.
  await card
    .getByTestId("coverage")
    .getByRole("link", { name: /\d+% of checks evaluated$/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Cluster staging" })).toBeVisible();
  const left = page.getByRole("region", { name: "Checks that could not be evaluated" });
  await expect(left.getByTestId("not-evaluated")).toContainText("network.namespace-no-policy");
  await expect(
    left.getByTestId("not-evaluated").getByRole("listitem").filter({ hasText: "network.namespace-no-policy" }),
  ).toContainText(/networkpolicies.* 403|403.*networkpolicies|forbidden/i);
  await expect(page.getByRole("region", { name: "What the latest completed scan could not collect" })).toContainText(
    "networkpolicies.networking.k8s.io",
  );
  await page.screenshot({ path: "test-results/screenshots/cluster-coverage.png", fullPage: true });
});

test("[COMPARE]: two snapshots side by side, with the findings only one has", async ({ page }) => {
  await page.goto("/compare");
  const form = page.getByRole("form", { name: "Choose what to compare" });
  await form.getByLabel("Left").selectOption({ label: "demo: snapshot #1 (2026-08-03 06:00 UTC)" });
  await form.getByLabel("Right").selectOption({ label: "demo: latest scan" });
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/a=.*&b=/);
  await expect(page.getByTestId("compare-overall")).toContainText(/\+\d+\.\d/);
  await expect(
    page
      .getByRole("region", { name: /^Only in demo #1/ })
      .getByRole("listitem")
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: /^Only in demo #\d+$/ })).toHaveCount(2);
  await page.screenshot({ path: "test-results/screenshots/compare.png", fullPage: true });
});
