import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const FIXTURES = "tests/fixtures/manifests";

function bulwark(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/bulwark.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
});

describe("bulwark scan --manifests", () => {
  it("reads multi-document YAML, Helm output, JSON and List kinds, and names each finding's file and line", () => {
    const { code, stdout } = bulwark("scan", "--manifests", `${FIXTURES}/app`, "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["tool", "checks", "findings", "scores", "podSecurity", "warnings"]),
    );
    expect(report.findings).toContainEqual({
      checkId: "pod.privileged",
      layer: "pod",
      severity: "critical",
      resource: {
        kind: "Deployment",
        namespace: "shop",
        name: "web",
        source: { file: `${FIXTURES}/app/rendered.yaml`, line: 3 },
      },
      container: "nginx",
      message: "container `nginx` runs privileged",
    });
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        checkId: "pod.capabilities-baseline",
        resource: expect.objectContaining({ kind: "Pod", source: { file: `${FIXTURES}/app/list.json`, line: 5 } }),
      }),
    );
    expect(
      report.podSecurity.map((p: { resource: { name: string }; level: string }) => [p.resource.name, p.level]),
    ).toStrictEqual([
      ['=HYPERLINK("http://evil.example","click")', "privileged"],
      ["web", "privileged"],
    ]);
    expect(report.warnings).toStrictEqual([
      `${FIXTURES}/app/rendered.yaml:33: skipped a document that is not a Kubernetes object (no apiVersion and kind)`,
    ]);
    expect(report.scores.layers.pod).toMatchObject({
      score: expect.any(Number),
      grade: expect.stringMatching(/^[A-F]$/),
      evaluated: expect.any(Number),
      failed: expect.any(Number),
    });
    // Manifests hold no nodes: the node checks do not apply to this scan, so the node layer has no score (never 100) and is out of the overall.
    expect(report.scores.layers.node).toMatchObject({ score: null, grade: null, evaluated: 0 });
    expect(report.notApplicable).toContainEqual({
      checkId: "node.kubelet-anonymous-auth",
      reason: "needs a cluster scan: manifests hold no cluster state",
    });
    expect(report.notEvaluated).toStrictEqual([]);
    expect(report.checks.find((c: { id: string }) => c.id === "pod.privileged")).toMatchObject({
      layer: "pod",
      severity: "critical",
      references: expect.arrayContaining(["PSS baseline: Privileged Containers"]),
    });
  });

  it("exits 1 when a finding reaches --fail-on, 0 when none does", () => {
    expect(bulwark("scan", "--manifests", `${FIXTURES}/app`, "--fail-on", "critical").code).toBe(1);
    expect(
      bulwark("scan", "--manifests", "lib/checks/__fixtures__/deployment-hardened.yaml", "--fail-on", "low").code,
    ).toBe(0);
  });

  it("stops on malformed YAML with file:line and exit 2, without a stack trace", () => {
    const { code, stdout, stderr } = bulwark("scan", "--manifests", `${FIXTURES}/broken`);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toMatch(new RegExp(`^bulwark: ${FIXTURES}/broken/broken.yaml:(9|10|11): `));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("applies a --settings file, and refuses one that names a check that does not exist", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-cli-settings-"));
    const file = (name: string, settings: unknown) => {
      writeFileSync(path.join(dir, name), JSON.stringify(settings));
      return path.join(dir, name);
    };
    const json = (args: string[]) =>
      JSON.parse(bulwark("scan", "--manifests", `${FIXTURES}/app`, "--format", "json", ...args).stdout) as {
        findings: { checkId: string; severity: string }[];
      };
    const plain = json([]);
    expect(plain.findings.some((f) => f.checkId === "pod.privileged")).toBe(true);
    const tuned = json([
      "--settings",
      file("ok.json", {
        disabledChecks: ["pod.privileged"],
        severityOverrides: { "pod.capabilities-baseline": "low" },
      }),
    ]);
    expect(tuned.findings.some((f) => f.checkId === "pod.privileged")).toBe(false);
    expect(
      new Set(tuned.findings.filter((f) => f.checkId === "pod.capabilities-baseline").map((f) => f.severity)),
    ).toStrictEqual(new Set(["low"]));

    const typo = bulwark(
      "scan",
      "--manifests",
      `${FIXTURES}/app`,
      "--settings",
      file("typo.json", { disabledChecks: ["pod.privilegd"] }),
    );
    expect(typo.code).toBe(2);
    expect(typo.stderr.split("\n")[0]).toBe(
      `bulwark: ${dir}/typo.json: invalid settings at disabledChecks.0: no check has the id pod.privilegd`,
    );
  });

  it("answers usage errors with exit 2 and one line", () => {
    const bad = bulwark("scan", "--manifests", `${FIXTURES}/app`, "--format", "xml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be one of table, json, csv, sarif");
    expect(bulwark("scan", "--manifests", "does/not/exist").stderr).toContain(
      "does/not/exist: no such file or directory",
    );
  });

  it("writes SARIF 2.1.0 whose results point at the manifest file and line", () => {
    const sarif = JSON.parse(bulwark("scan", "--manifests", `${FIXTURES}/app`, "--format", "sarif").stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === "pod.privileged");
    expect(result.level).toBe("error");
    expect(result.locations[0].physicalLocation).toStrictEqual({
      artifactLocation: { uri: `${FIXTURES}/app/rendered.yaml`, uriBaseId: "SRCROOT" },
      region: { startLine: 3 },
    });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe("pod.privileged");
  });

  it("neutralises spreadsheet formulas in CSV cells that come from manifests", () => {
    const csv = bulwark("scan", "--manifests", `${FIXTURES}/app`, "--format", "csv").stdout;
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("layer,check_id,severity,kind,namespace,name,container,message,file,line");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("reports each framework's controls with their status in the JSON", () => {
    const report = JSON.parse(bulwark("scan", "--manifests", `${FIXTURES}/app`, "--format", "json").stdout);
    type Control = {
      id: string;
      title: string;
      section: string;
      status: string;
      checks: string[];
      failing: { resource: { name: string } }[];
      reason?: string;
    };
    const frameworks = report.frameworks as { id: string; title: string; version: string; controls: Control[] }[];
    expect(frameworks.map((f) => [f.id, f.version])).toStrictEqual([
      ["cis-kubernetes", "1.12.0+m2"],
      ["nsa-cisa", "1.2+m2"],
      ["pss-baseline", "v1.37+m1"],
      ["pss-restricted", "v1.37+m1"],
    ]);
    const statuses = new Set(frameworks.flatMap((f) => f.controls.map((c) => c.status)));
    expect([...statuses].every((s) => ["pass", "fail", "not-evaluated", "manual", "not-applicable"].includes(s))).toBe(
      true,
    );
    const cis = (id: string) => frameworks[0]!.controls.find((c) => c.id === id)!;
    expect(cis("5.2.2")).toMatchObject({
      title: "No privileged containers",
      section: "5.2 Pod Security Standards",
      status: "fail",
      checks: ["pod.privileged"],
      failing: [{ resource: { kind: "Deployment", namespace: "shop", name: "web" }, checks: ["pod.privileged"] }],
    });
    // Manifests carry no nodes: the kubelet controls do not apply to this scan (never passed), with why.
    expect(cis("4.2.1")).toMatchObject({
      status: "not-applicable",
      checks: ["node.kubelet-anonymous-auth"],
      failing: [],
    });
    expect(cis("4.2.1").reason).toContain("needs a cluster scan");
    expect(cis("1.2.2")).toMatchObject({ status: "manual", checks: [] });
  });

  it("prints one framework's table with --framework, and refuses an unknown one", () => {
    const { code, stdout } = bulwark("scan", "--manifests", `${FIXTURES}/app`, "--framework", "pss-baseline");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Pod Security Standards: baseline v1.37+m1");
    expect(lines[1]).toBe(
      "10 of 12 automated controls pass (83%) · 2 fail · 0 not evaluated · 0 manual (0 attested) · 0 not applicable",
    );
    expect(lines).toContain("  FAIL           privileged            Privileged Containers");
    expect(lines).toContain("                 1 failing: Deployment shop/web");
    const json = JSON.parse(
      bulwark("scan", "--manifests", `${FIXTURES}/app`, "--framework", "nsa-cisa", "--format", "json").stdout,
    );
    expect(json.frameworks.map((f: { id: string }) => f.id)).toStrictEqual(["nsa-cisa"]);
    const bad = bulwark("scan", "--manifests", `${FIXTURES}/app`, "--framework", "cis");
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe(
      "bulwark: --framework must be one of cis-kubernetes, nsa-cisa, pss-baseline, pss-restricted",
    );
  });

  it("prints a table grouped by layer with the scores", () => {
    const { stdout } = bulwark("scan", "--manifests", `${FIXTURES}/app`);
    expect(stdout).toMatch(/^POD {2}score \d+\.\d \([A-F]\)/m);
    expect(stdout).toMatch(/^CONTAINER {2}score/m);
    // Manifests hold no cluster state (nodes, admission, image scans): those checks do not apply, in one line, and the rest is graded.
    expect(stdout).toMatch(/^Overall \d+\.\d \([A-F]\)/m);
    expect(stdout).toMatch(
      /^ {2}\d+ checks do not apply here \(needs a cluster scan: manifests hold no cluster state\): node\./m,
    );
    expect(stdout).toContain("CRITICAL  pod.privileged");
    expect(stdout).not.toContain("\x1b[");
  });
});

describe("bulwark scan --kubeconfig", () => {
  it("collects a live cluster over HTTPS and reports its findings", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { startFakeCluster } = await import("@/lib/fake-api-server/start-fake-cluster");
    const { demoCluster } = await import("@/lib/fake-api-server/clusters/demo");
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-cli-"));
    const cluster = await startFakeCluster(demoCluster(3), { kubeconfigPath: path.join(dir, "config") });
    try {
      const { spawn } = await import("node:child_process");
      const child = spawn(process.execPath, [
        "bin/bulwark.mjs",
        "scan",
        "--kubeconfig",
        path.join(dir, "config"),
        "--context",
        "demo",
        "--format",
        "json",
      ]);
      let stdout = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          checkId: "pod.host-namespaces",
          resource: { kind: "Pod", namespace: "shop", name: "debug-tools" },
        }),
      );
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          checkId: "container.vulnerabilities",
          resource: { kind: "Deployment", namespace: "monitoring", name: "grafana" },
        }),
      );
      expect(report.podSecurity.find((p: { resource: { name: string } }) => p.resource.name === "frontend").level).toBe(
        "restricted",
      );
      // A live cluster has nodes: kubelet controls are judged, from the kubelets' own configuration.
      const kubelet = report.frameworks[0].controls.find((c: { id: string }) => c.id === "4.2.1");
      expect(["pass", "fail"]).toContain(kubelet.status);
      const missing = bulwark("scan", "--kubeconfig", path.join(dir, "config"), "--context", "prod");
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('context "prod" not found (available: demo)');
    } finally {
      await cluster.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run bulwark, many at once", () => {
  // A fresh copy of the CLI's sources with no build yet: every call finds the build missing or in
  // progress, as ten CI jobs sharing one workspace would.
  it("ten scans started together all succeed with the same report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-cli-parallel-"));
    try {
      for (const f of [
        "bin",
        "lib",
        "scripts/build-cli.mjs",
        "scripts/node-bundle.mjs",
        "package.json",
        "package-lock.json",
        "tsconfig.json",
      ]) {
        cpSync(f, path.join(dir, f), { recursive: true });
      }
      symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
      const manifest = path.resolve(`${FIXTURES}/app`);
      const runs = await Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
              const child = spawn(
                "npm",
                ["run", "--silent", "bulwark", "--", "scan", "--manifests", manifest, "--format", "json"],
                {
                  cwd: dir,
                  env: { ...process.env, NO_COLOR: "1" },
                },
              );
              let stdout = "";
              let stderr = "";
              child.stdout.on("data", (d) => (stdout += d));
              child.stderr.on("data", (d) => (stderr += d));
              child.on("close", (code) => resolve({ code, stdout, stderr }));
            }),
        ),
      );
      for (const r of runs) expect(r, r.stderr).toMatchObject({ code: 0 });
      const findings = runs.map((r) => JSON.parse(r.stdout).findings.length);
      expect(new Set(findings).size).toBe(1);
      expect(findings[0]).toBeGreaterThan(0);
      // The build is reused once made: a later call rebuilds nothing.
      const meta = readFileSync(path.join(dir, "dist/bulwark.meta.json"), "utf8");
      execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: dir });
      expect(readFileSync(path.join(dir, "dist/bulwark.meta.json"), "utf8")).toBe(meta);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
