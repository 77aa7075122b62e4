// npm run bench:collect: synthetic clusters served over HTTPS on loopback by a separate
// process; prints wall time, objects per second and peak RSS of the collector, next to the
// same run's lower bound (the same requests with plain HTTPS + JSON.parse, keeping nothing).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { build } from "esbuild";

const SIZES = (process.argv[2] ?? "1000x30000,5000x150000")
  .split(",")
  .map((s) => s.split("x").map(Number) as [number, number]);
const TSX = ["--import", "tsx"];
const MB = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function startServer(nodes: number, pods: number, kubeconfig: string) {
  const child = spawn(
    process.execPath,
    [
      "--max-old-space-size=8192",
      ...TSX,
      "scripts/fake-cluster.ts",
      "--cluster",
      "synthetic",
      "--nodes",
      String(nodes),
      "--pods",
      String(pods),
      "--kubeconfig",
      kubeconfig,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once("line", resolve));
  return { child, info: JSON.parse(line) as { objects: number } };
}

/** Children run bundled JavaScript, as the product does, so the transpiler's memory is not counted. */
async function bundle(script: string, outdir: string): Promise<string> {
  const outfile = path.join(outdir, `${path.basename(script, ".ts")}.mjs`);
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    alias: { "@": "." },
    logLevel: "warning",
  });
  return outfile;
}

function runChild(script: string, kubeconfig: string) {
  return JSON.parse(
    execFileSync(process.execPath, [script, kubeconfig], { encoding: "utf8", maxBuffer: 1 << 20 })
      .trim()
      .split("\n")
      .pop()!,
  ) as { ms: number; objects: number; maxRss: number; rssBefore?: number; workloads?: number };
}

const dir = mkdtempSync(path.join(tmpdir(), "bulwark-bench-"));
// Bundles must resolve node_modules from the project, so they are written inside it.
const buildDir = mkdtempSync(path.join(process.cwd(), ".bench-"));
try {
  const fetchChild = await bundle("scripts/bench/fetch-child.ts", buildDir);
  const collectChild = await bundle("scripts/bench/collect-child.ts", buildDir);
  for (const [nodes, pods] of SIZES) {
    const kubeconfig = path.join(dir, `kc-${nodes}`);
    const { child, info } = await startServer(nodes, pods, kubeconfig);
    try {
      runChild(fetchChild, kubeconfig); // warm the server's JIT and caches once
      const lower = runChild(fetchChild, kubeconfig);
      const collector = runChild(collectChild, kubeconfig);
      console.log(
        `\n${nodes.toLocaleString("en")} nodes / ${pods.toLocaleString("en")} pods (${info.objects.toLocaleString("en")} objects served)`,
      );
      console.log(
        `  collector     ${(collector.ms / 1000).toFixed(2)} s   ${Math.round(collector.objects / (collector.ms / 1000)).toLocaleString("en")} objects/s   peak RSS ${MB(collector.maxRss)} (baseline before collecting ${MB(collector.rssBefore ?? 0)})   ${collector.workloads} top-level workloads`,
      );
      console.log(
        `  lower bound   ${(lower.ms / 1000).toFixed(2)} s   ${Math.round(lower.objects / (lower.ms / 1000)).toLocaleString("en")} objects/s   peak RSS ${MB(lower.maxRss)}`,
      );
      console.log(`  ratio         ${(collector.ms / lower.ms).toFixed(2)}x the lower bound (goal ≤ 1.5x)`);
    } finally {
      child.kill("SIGTERM");
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
}
