// npm test: type-check, lint, unit + integration tests (Vitest, real embedded Postgres) and
// end-to-end tests (Playwright, Debian's Chromium), then one closing "N passed, N failed" line
// summing every suite. Exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Result = { name: string; passed: number; failed: number; seconds: number };
const results: Result[] = [];
const only = process.argv.slice(2);

function step(name: string, cmd: string, args: string[], count: (ok: boolean) => { passed: number; failed: number }) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const counts = count(r.status === 0);
  results.push({ name, ...counts, seconds: (Date.now() - started) / 1000 });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const asOne = (ok: boolean) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
/** A runner that crashed before writing its report still counts as one failure. */
const atLeastOneFailure = (ok: boolean, c: { passed: number; failed: number }) =>
  !ok && c.failed === 0 ? { ...c, failed: 1 } : c;

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });
if (!existsSync("generated/prisma/client.ts"))
  spawnSync("npm", ["run", "--silent", "db:generate"], { stdio: "inherit" });

step("typecheck", "npx", ["tsc", "--noEmit"], asOne);
step("lint", "npx", ["eslint", ".", "--max-warnings", "0"], asOne);
step("format", "npx", ["prettier", "--check", "."], asOne);
// The container image, where this machine can build one (root, buildah, mmdebstrap: .ci/run installs
// them): built once here, so the unit step's image test smoke-tests it from its own filesystem.
const canBuildImage =
  process.getuid?.() === 0 &&
  ["buildah", "mmdebstrap", "unzip"].every((t) => spawnSync("sh", ["-c", `command -v ${t}`]).status === 0);
if (canBuildImage) step("image", "npm", ["run", "--silent", "image:build"], asOne);
else if (!only.length) console.log("\n▶ image: skipped (needs root, buildah, mmdebstrap and unzip)");
step(
  "unit",
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"],
  (ok) => {
    const r = readJson<{ numPassedTests: number; numFailedTests: number }>("test-results/vitest.json");
    return atLeastOneFailure(ok, { passed: r?.numPassedTests ?? 0, failed: r?.numFailedTests ?? 0 });
  },
);
step("e2e", "npx", ["playwright", "test"], (ok) => {
  const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
    "test-results/playwright.json",
  );
  return atLeastOneFailure(ok, {
    passed: r?.stats.expected ?? 0,
    failed: (r?.stats.unexpected ?? 0) + (r?.stats.flaky ?? 0),
  });
});
step("log-scan", "npx", ["tsx", "scripts/scan-e2e-log.ts"], asOne);

console.log("\nSuite        passed  failed  seconds");
for (const r of results)
  console.log(
    `${r.name.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`,
  );
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
