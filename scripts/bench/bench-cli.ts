// npm run bench:cli: wall time of `bulwark scan --manifests` as a user runs it (a fresh process,
// the bundled CLI), on one small manifest and on a 50-service application; next to `node -e 0`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = 10;
const dir = mkdtempSync(path.join(tmpdir(), "bulwark-bench-cli-"));

/** One Deployment and its Service, as a service of a typical application ships them. */
function service(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: svc-${i}, namespace: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: svc-${i} } }
  template:
    metadata: { labels: { app: svc-${i} } }
    spec:
      containers:
        - name: server
          image: registry.example.com/shop/svc-${i}:1.${i}.0
          ports: [{ containerPort: 8080 }]
          resources: { limits: { cpu: 500m, memory: 256Mi }, requests: { cpu: 100m, memory: 128Mi } }
---
apiVersion: v1
kind: Service
metadata: { name: svc-${i}, namespace: shop }
spec: { selector: { app: svc-${i} }, ports: [{ port: 80, targetPort: 8080 }] }
`;
}

const small = path.join(dir, "one.yaml");
const app = path.join(dir, "app.yaml");
writeFileSync(small, service(1));
writeFileSync(app, Array.from({ length: 50 }, (_, i) => service(i)).join("---\n"));
execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });

function time(args: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    out.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return out.sort((a, b) => a - b);
}

const row = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(34)} median ${xs[Math.floor(xs.length / 2)]!.toFixed(0).padStart(4)} ms   max ${xs[xs.length - 1]!.toFixed(0).padStart(4)} ms`,
  );
try {
  row("node -e 0", time(["-e", "0"]));
  row("scan --manifests one.yaml (table)", time(["bin/bulwark.mjs", "scan", "--manifests", small]));
  row("scan --manifests app.yaml (json)", time(["bin/bulwark.mjs", "scan", "--manifests", app, "--format", "json"]));
  row("scan --manifests app.yaml (sarif)", time(["bin/bulwark.mjs", "scan", "--manifests", app, "--format", "sarif"]));
  console.log(`(${RUNS} runs each; goal: a small manifest in under 1,000 ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
