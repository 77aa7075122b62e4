// The Helm chart: lint and render with several value sets, and Bulwark's own scan of what it
// renders (default values and the production example) finds nothing, with no check switched off.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

import { ZCheckSettings } from "@/lib/checks/settings";
import { scanManifests } from "@/lib/cli-report/scan-manifests";
import { RESOURCE_KINDS } from "@/lib/k8s/resource-kinds";

import { tool } from "../../scripts/deploy/tools.mjs";

const CHART = "deploy/helm/bulwark";
const VALUE_SETS = {
  default: [],
  production: ["-f", "deploy/helm/examples/production.yaml"],
  gateway: ["-f", "deploy/helm/examples/gateway.yaml"],
  manifests: ["-f", "deploy/helm/examples/manifests.yaml"],
  "embedded-persistent": ["--set", "database.embedded.persistence.enabled=true", "--set", "inCluster.enabled=false"],
} satisfies Record<string, string[]>;
type K8sObject = {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
};

let helm: string;
let dir: string;

function render(args: string[]) {
  const r = spawnSync(helm, ["template", "bulwark", CHART, "--namespace", "bulwark", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function objects(yamlText: string): K8sObject[] {
  return parseAllDocuments(yamlText)
    .map((d) => d.toJS() as K8sObject)
    .filter(Boolean);
}

beforeAll(() => {
  helm = tool("helm");
  dir = mkdtempSync(path.join(tmpdir(), "bulwark-chart-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("helm lint and helm template", () => {
  it.each(Object.entries(VALUE_SETS))("%s values lint and render", (_name, args) => {
    expect(execFileSync(helm, ["lint", "--strict", CHART, ...args], { encoding: "utf8" })).toContain(
      "0 chart(s) failed",
    );
    const { code, stderr } = render(args);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("refuses values that cannot work, saying which value to set", () => {
    const noDb = render(["--set", "database.embedded.enabled=false"]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toContain("set database.url or database.existingSecret");
    const noCidr = render(["--set", "database.url=postgresql://u:p@db:5432/b"]);
    expect(noCidr.stderr).toContain("database.cidr is required with an external database");
    const noDigest = render(["--set", "image.digest="]);
    expect(noDigest.stderr).toContain("image.digest is required");
  });

  it("runs web and worker with the configured replicas; the bundled database only for trying it out", () => {
    const prod = objects(render(VALUE_SETS.production).stdout);
    const replicas = (name: string) =>
      prod.find((o) => o.kind === "Deployment" && o.metadata.name === name)?.spec?.replicas;
    expect([replicas("bulwark-web"), replicas("bulwark-worker")]).toStrictEqual([3, 2]);
    expect(prod.filter((o) => o.kind === "StatefulSet")).toStrictEqual([]);
    expect(prod.map((o) => o.kind)).toEqual(
      expect.arrayContaining(["Ingress", "ServiceMonitor", "PodDisruptionBudget", "NetworkPolicy"]),
    );
    expect(objects(render(VALUE_SETS.gateway).stdout).map((o) => o.kind)).toContain("HTTPRoute");
    expect(
      objects(render([]).stdout)
        .filter((o) => o.kind === "StatefulSet")
        .map((o) => o.metadata.name),
    ).toStrictEqual(["bulwark-database"]);
  });

  it("grants the scanner read-only access: no Secrets, no nodes/proxy, kubelet config through nodes/configz", () => {
    const [role] = objects(render([]).stdout).filter((o) => o.kind === "ClusterRole");
    const rules = role?.rules ?? [];
    expect(rules.flatMap((r) => r.verbs).every((v) => v === "list" || v === "get")).toBe(true);
    const resources = rules.flatMap((r) => r.resources);
    expect(resources).not.toContain("secrets");
    expect(resources).not.toContain("nodes/proxy");
    expect(rules).toContainEqual({ apiGroups: [""], resources: ["nodes/configz"], verbs: ["get"] });
    expect(resources.some((r) => r.includes("*"))).toBe(false);
    // Everything else the collector lists is granted, so no check is left unevaluated for want of it.
    for (const k of RESOURCE_KINDS.filter((kind) => kind.plural !== "secrets")) {
      expect(
        rules.some((r) => r.apiGroups.includes(k.group) && r.resources.includes(k.plural) && r.verbs.includes("list")),
        `${k.plural}.${k.group}`,
      ).toBe(true);
    }
    const [optIn] = objects(render(["--set", "inCluster.readSecretMetadata=true"]).stdout).filter(
      (o) => o.kind === "ClusterRole",
    );
    expect(optIn?.rules).toContainEqual({ apiGroups: [""], resources: ["secrets"], verbs: ["list"] });
  });

  it("keeps deploy/manifests/bulwark.yaml the render of the chart", () => {
    const r = spawnSync(process.execPath, ["scripts/deploy/render-manifests.mjs", "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("dogfood: Bulwark scans its own chart", () => {
  it("and the ClusterRole it ships for out-of-cluster scans: no finding", async () => {
    const report = await scanManifests(["public/bulwark-clusterrole.yaml"], ZCheckSettings.parse({}), new Date());
    expect(report.findings).toStrictEqual([]);
  });

  it.each(["default", "production", "manifests"] as const)(
    "%s values: no finding, every workload restricted, nothing switched off",
    async (name) => {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, render(VALUE_SETS[name]).stdout);
      const report = await scanManifests([file], ZCheckSettings.parse({}), new Date());
      expect(report.findings).toStrictEqual([]);
      expect(report.podSecurity.length).toBeGreaterThanOrEqual(2);
      expect(report.podSecurity.filter((p) => p.level !== "restricted")).toStrictEqual([]);
      // Every check that applies to manifests was evaluated; what needs cluster state does not apply here.
      expect(report.notEvaluated).toStrictEqual([]);
      expect(report.warnings).toStrictEqual([]);
    },
  );
});
