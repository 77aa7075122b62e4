import { expect, test } from "@playwright/test";

test("[FRAMEWORKS]: the demo's CIS share over its snapshots, a framework's failing controls, and a control's failing resources linked to their findings", async ({
  page,
}) => {
  const cis = page.getByRole("region", { name: /^CIS Kubernetes Benchmark/ });
  const demo = cis.getByRole("row", { name: /^demo\b/ });
  await expect(async () => {
    await page.goto("/frameworks");
    await expect(demo).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Frameworks" })).toBeVisible();
  await expect(demo).toContainText(/\d+% \(\d+ of \d+\)/);
  // The trend lists each imported dated state's share: the latest above the first.
  const label = (await demo.getByRole("img").getAttribute("aria-label"))!;
  const shares = [...label.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
  expect(shares.length).toBeGreaterThanOrEqual(4);
  expect(shares.at(-1)!).toBeGreaterThan(shares[0]!);
  // The line names its scale: the lowest and highest share beside it, and in its title.
  await expect(demo).toContainText(`${Math.min(...shares)}–${Math.max(...shares)}%`);
  await expect(demo.getByRole("img").locator("title")).toHaveText(
    `Share passing: lowest ${Math.min(...shares)}%, highest ${Math.max(...shares)}%`,
  );
  await page.screenshot({ path: "test-results/screenshots/frameworks.png", fullPage: true });

  await cis.getByRole("link", { name: "CIS Kubernetes Benchmark" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CIS Kubernetes Benchmark" })).toBeVisible();
  // One cluster's view is the printable report: printing hides the navigation and the actions.
  await page.goto(
    `${new URL(page.url()).pathname}?cluster=${new URL((await page.getByRole("link", { name: "CSV: demo" }).getAttribute("href"))!, "http://x").searchParams.get("cluster")}`,
  );
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Filter controls" })).toBeHidden();
  await expect(page.getByRole("region", { name: "5.2 Pod Security Standards" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page
    .getByRole("navigation", { name: "Filter controls" })
    .getByRole("link", { name: /^Failing \(\d+\)$/ })
    .click();
  await expect(
    page.getByRole("navigation", { name: "Filter controls" }).getByRole("link", { name: /^Failing/ }),
  ).toHaveAttribute("aria-current", "true");
  // By the latest state the demo's API server flags (from its static pod) pass every 1.2 check.
  await expect(page.getByRole("region", { name: "1.2 API server" })).toHaveCount(0);
  const pss = page.getByRole("region", { name: "5.2 Pod Security Standards" });
  await expect(pss.getByRole("row", { name: /^5\.2\.2\b/ })).toContainText("Fail");
  await pss.getByRole("link", { name: "5.2.2" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "5.2.2 No privileged containers" })).toBeVisible();
  const onDemo = page.getByRole("region", { name: "On demo" });
  const proxy = onDemo.getByRole("listitem").filter({ hasText: "DaemonSet kube-system/kube-proxy" });
  await expect(proxy).toBeVisible();
  await expect(page.getByRole("region", { name: "History" }).getByRole("row")).not.toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/framework-control.png", fullPage: true });
  await proxy.getByRole("link", { name: "pod.privileged" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await expect(page.getByRole("main").getByText("kube-proxy").first()).toBeVisible();
});

test("[FRAMEWORKS]: an analyst attests a manual control with its evidence and expiry; a critical one waits for a second person", async ({
  page,
}) => {
  await page.goto("/frameworks/cis-kubernetes/1.2.2");
  await expect(page.getByRole("heading", { level: 1, name: "1.2.2 No static token file" })).toBeVisible();
  await expect(page.getByText(/^Manual\. Evidence an auditor needs: The kube-apiserver arguments/)).toBeVisible();
  const form = page.getByRole("form", { name: "Attest this control" });
  await form.getByLabel("Cluster").selectOption({ label: "demo" });
  await form.getByLabel(/^Evidence/).fill("kube-apiserver manifest on cp-1 reviewed: no --token-auth-file");
  await form.getByLabel("Holds until (UTC)").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Attest" }).click();
  await expect(page.getByRole("status")).toHaveText("Attested. It counts from the next snapshot.");
  const row = page.getByRole("table", { name: "Attestations" }).getByRole("row", { name: /no --token-auth-file/ });
  await expect(row).toContainText("active");
  await expect(row.getByRole("button", { name: "Revoke" })).toBeVisible();

  await page.goto("/frameworks/cis-kubernetes/1.2.28");
  await expect(
    page.getByText("This is a critical control: a second person must approve before it counts."),
  ).toBeVisible();
  const critical = page.getByRole("form", { name: "Attest this control" });
  await critical.getByLabel(/^Evidence/).fill("EncryptionConfiguration on cp-1 lists kms v2 first for secrets");
  await critical
    .getByLabel("Holds until (UTC)")
    .fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await critical.getByRole("button", { name: "Attest" }).click();
  await expect(page.getByRole("status")).toContainText("once another analyst or an admin approves it");
  const pending = page.getByRole("table", { name: "Attestations" }).getByRole("row", { name: /kms v2 first/ });
  await expect(pending).toContainText("pending");
  await expect(pending.getByRole("button", { name: "Approve" })).toHaveCount(0); // not by its author
});

test("[FRAMEWORKS]: a cluster id with NUL is an unknown cluster, an address that does not decode a not-found page or a 400, never a server error", async ({
  page,
}) => {
  const framework = await page.goto("/frameworks/cis-kubernetes?cluster=%00");
  expect(framework!.status()).toBe(200);
  await expect(page.getByText("No completed snapshot has statuses for this framework on this cluster.")).toBeVisible();
  // %25 is "%": the control id is "%ZZ", which no control has.
  const control = await page.goto("/frameworks/cis-kubernetes/%25ZZ");
  expect(control!.status()).toBeLessThan(500); // the not-found page streams after the layout
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  // A malformed %-escape in any address: Next alone would answer a bare 500.
  const malformed = await page.goto("/frameworks/cis-kubernetes/%E0%A4%A");
  expect(malformed!.status()).toBe(400);
});
