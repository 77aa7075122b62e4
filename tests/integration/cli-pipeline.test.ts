// The CLI as pipelines run it: one self-contained file, a baseline for --fail-on, SARIF that
// Microsoft's SARIF multitool validates whether manifest paths are relative or absolute.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { createFakeApiServer } from "@/lib/fake-api-server/create-fake-api-server";
import { generateTls } from "@/lib/fake-api-server/generate-tls";
import { kubeconfigFor } from "@/lib/fake-api-server/write-kubeconfig";

const ROOT = process.cwd();
const MULTITOOL = path.join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
const APP = path.join(ROOT, "tests/fixtures/manifests/app");
/** Only PATH: nothing from this checkout's environment reaches the CLI. */
const BARE_ENV = { PATH: process.env.PATH, NO_COLOR: "1" } as unknown as NodeJS.ProcessEnv;
let empty: string;

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["bulwark.mjs", ...args], { cwd, encoding: "utf8", env: BARE_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs", "--standalone"]);
  // An empty directory, nowhere near node_modules: the file must carry everything it needs.
  empty = mkdtempSync(path.join(tmpdir(), "bulwark-standalone-"));
  copyFileSync("dist/standalone/bulwark.mjs", path.join(empty, "bulwark.mjs"));
  cpSync(APP, path.join(empty, "k8s"), { recursive: true });
});
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe("the standalone CLI file", () => {
  it("scans manifests in a directory with no node_modules", () => {
    const { code, stdout } = run(empty, "scan", "--manifests", "k8s", "--format", "json", "--fail-on", "critical");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toContainEqual(
      expect.objectContaining({ checkId: "pod.privileged", resource: expect.objectContaining({ name: "web" }) }),
    );
  });

  it("scans a live cluster over TLS with the Kubernetes client bundled in", async () => {
    const tls = await generateTls();
    const token = "standalone-token-0123456789";
    const server = await createFakeApiServer({ cluster: demoCluster(3), tls, token });
    try {
      writeFileSync(
        path.join(empty, "kubeconfig"),
        kubeconfigFor({ name: "demo", server: server.url, caPem: tls.caPem, token }),
      );
      // Asynchronously: the fake API server answers from this process.
      const r = await promisify(execFile)(
        process.execPath,
        ["bulwark.mjs", "scan", "--kubeconfig", "kubeconfig", "--format", "json"],
        { cwd: empty, encoding: "utf8", env: BARE_ENV },
      );
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(10);
    } finally {
      await server.close();
    }
  });
});

describe("--baseline", () => {
  it("makes --fail-on judge only findings the previous report did not have", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-baseline-"));
    try {
      cpSync(APP, path.join(dir, "k8s"), { recursive: true });
      copyFileSync(path.join(empty, "bulwark.mjs"), path.join(dir, "bulwark.mjs"));
      writeFileSync(path.join(dir, "previous.json"), run(dir, "scan", "--manifests", "k8s", "--format", "json").stdout);
      const known = run(dir, "scan", "--manifests", "k8s", "--fail-on", "low", "--baseline", "previous.json");
      expect(known.code).toBe(0);
      expect(known.stderr).toMatch(/^bulwark: 0 of \d+ findings are new against previous.json$/m);

      // A new privileged pod appears in the change under review.
      const pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "debug", namespace: "shop" },
        spec: { containers: [{ name: "sh", image: "busybox:1.37", securityContext: { privileged: true } }] },
      };
      writeFileSync(path.join(dir, "k8s", "debug.json"), JSON.stringify(pod));
      const changed = run(
        dir,
        "scan",
        "--manifests",
        "k8s",
        "--fail-on",
        "critical",
        "--baseline",
        "previous.json",
        "--format",
        "sarif",
      );
      expect(changed.code).toBe(1);
      const results = JSON.parse(changed.stdout).runs[0].results as {
        ruleId: string;
        baselineState: string;
        message: { text: string };
      }[];
      const fresh = results.filter((r) => r.baselineState === "new");
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.every((r) => r.message.text.startsWith("Pod shop/debug:"))).toBe(true);
      expect(results.some((r) => r.baselineState === "unchanged" && r.ruleId === "pod.privileged")).toBe(true);

      writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ findings: "none" }));
      const bad = run(dir, "scan", "--manifests", "k8s", "--baseline", "bad.json");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^bulwark: bad.json: not a bulwark JSON report/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SARIF", () => {
  /** Runs `Sarif.Multitool validate` and returns what it reports at error and warning level. */
  function validate(sarif: string): { level: string; ruleId: string; text: string }[] {
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-sarif-"));
    try {
      let tool = MULTITOOL;
      try {
        accessSync(tool, constants.X_OK);
      } catch {
        tool = path.join(dir, "Sarif.Multitool");
        copyFileSync(MULTITOOL, tool);
        execFileSync("chmod", ["u+x", tool]);
      }
      writeFileSync(path.join(dir, "in.sarif"), sarif);
      execFileSync(
        tool,
        [
          "validate",
          path.join(dir, "in.sarif"),
          "-o",
          path.join(dir, "out.sarif"),
          "--level",
          "Error;Warning",
          "--log",
          "ForceOverwrite",
        ],
        { encoding: "utf8" },
      );
      const out = JSON.parse(readFileSync(path.join(dir, "out.sarif"), "utf8")) as {
        runs: { results?: { level: string; ruleId: string; message: { text?: string } }[] }[];
      };
      return (out.runs[0]?.results ?? []).map((r) => ({
        level: r.level,
        ruleId: r.ruleId,
        text: r.message.text ?? "",
      }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("validates with no errors or warnings for relative and absolute manifest paths", () => {
    for (const manifests of ["k8s", path.join(empty, "k8s"), APP]) {
      const { stdout } = run(empty, "scan", "--manifests", manifests, "--format", "sarif");
      expect(JSON.parse(stdout).runs[0].results.length).toBeGreaterThan(5);
      expect(validate(stdout)).toStrictEqual([]);
    }
  }, 60_000);

  it("points inside the checkout relative to %SRCROOT%, elsewhere with file:// URIs; every rule has help", () => {
    const inside = JSON.parse(run(empty, "scan", "--manifests", "k8s", "--format", "sarif").stdout).runs[0];
    expect(inside.originalUriBaseIds.SRCROOT.uri).toBe(`file://${empty}/`);
    expect(inside.results[0].locations[0].physicalLocation.artifactLocation).toStrictEqual({
      uri: expect.stringMatching(/^k8s\/[a-z]+\.(yaml|json)$/),
      uriBaseId: "SRCROOT",
    });
    const outside = JSON.parse(run(empty, "scan", "--manifests", APP, "--format", "sarif").stdout).runs[0];
    expect(outside.results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(
      new RegExp(`^file://${APP}/`),
    );
    expect(inside.tool.driver.informationUri).toMatch(/^https:\/\//);
    for (const rule of inside.tool.driver.rules) expect(rule.help.text).toContain("How to fix:");
  });
});
