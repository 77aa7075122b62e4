// Prints the per-layer scores of the demo cluster (first and latest state) and the hardened cluster,
// each served by the fake API server and scanned over HTTPS: `npx tsx scripts/fixture-scores.ts [demo@3|hardened]`
// (naming one also lists its findings).
import { DEFAULT_SETTINGS } from "@/lib/checks/settings";
import { scanCluster } from "@/lib/cli-report/scan-cluster";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { hardenedCluster } from "@/lib/fake-api-server/clusters/hardened";
import { startFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";

for (const [name, fx] of [
  ["demo@0", demoCluster(0)],
  ["demo@3", demoCluster(3)],
  ["hardened", hardenedCluster()],
] as const) {
  const c = await startFakeCluster(fx);
  const r = await scanCluster(
    { type: "kubeconfig-text", text: c.kubeconfig, origin: name },
    { allowExec: false, allowLoopback: true },
    DEFAULT_SETTINGS,
    new Date("2026-11-23T00:00:00Z"),
  );
  const l = r.scores.layers;
  console.log(
    name.padEnd(10),
    `overall ${r.scores.overall.score} ${r.scores.overall.grade ?? "incomplete"}`,
    Object.entries(l)
      .map(([k, v]) => `${k} ${v.score} ${v.grade ?? "incomplete"}`)
      .join(" | "),
    `findings ${r.findings.length}`,
    "notEval:",
    r.notEvaluated.map((n) => n.checkId).join(","),
  );
  if (process.argv[2] === name)
    for (const f of r.findings)
      console.log("  ", f.severity, f.checkId, f.resource.kind, f.resource.name, "-", f.message);
  await c.close();
}
