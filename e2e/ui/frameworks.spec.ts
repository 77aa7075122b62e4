import { expect, test } from "@playwright/test";

test("[FRAMEWORKS]: the demo's CIS share over its snapshots, a framework's failing controls, and a control's failing resources linked to their findings", async ({ page }) => {
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
  await page.screenshot({ path: "test-results/screenshots/frameworks.png", fullPage: true });

  await cis.getByRole("link", { name: "CIS Kubernetes Benchmark" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CIS Kubernetes Benchmark" })).toBeVisible();
  await page.getByRole("navigation", { name: "Filter controls" }).getByRole("link", { name: /^Failing \(\d+\)$/ }).click();
  await expect(page.getByRole("navigation", { name: "Filter controls" }).getByRole("link", { name: /^Failing/ })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("region", { name: "1.2 API server" })).toHaveCount(0); // manual controls never fail
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
