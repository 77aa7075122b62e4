import { describe, expect, it } from "vitest";

import type { Inventory } from "@/lib/inventory/types";
import { manifestsToInventory, type RawObject } from "@/lib/k8s/to-inventory";

import { contextWith } from "../__fixtures__/builders";
import { find, hardenedEdited, inventoryFromFixture } from "../__fixtures__/cluster-builders";
import { getCheck } from "../registry";

const NOW = new Date("2026-11-23T00:00:00Z");

function run(checkId: string, inventory: Inventory) {
  const out = getCheck(checkId)!.evaluate(inventory, { ...contextWith(), now: NOW });
  if (out.status !== "evaluated") throw new Error(out.reason);
  return out;
}

const deployment = (name: string, pod: Record<string, unknown>): RawObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "shop" },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name, image: `registry.example.com/${name}:1.0.0` }], ...pod },
    },
  },
});
const fromManifests = (objects: RawObject[]) =>
  manifestsToInventory(objects.map((object, i) => ({ object, source: { file: "app.yaml", line: i * 20 + 1 } })));

describe("service-account findings, one per cause in each scan mode", () => {
  it("cluster scan: pods that take their token from a `default` account that mounts tokens are one finding, on the account", () => {
    const cluster = hardenedEdited((objects) => {
      delete find(objects, "ServiceAccount", "default", "orders").automountServiceAccountToken;
      for (const name of ["api", "worker"]) {
        const pod = find(objects, "Deployment", name, "orders").spec.template.spec;
        delete pod.serviceAccountName;
        delete pod.automountServiceAccountToken;
      }
    });
    const inventory = inventoryFromFixture(cluster);
    expect(run("secrets.default-sa-automount", inventory).findings.map((f) => f.resource)).toStrictEqual([
      { kind: "ServiceAccount", namespace: "orders", name: "default" },
    ]);
    expect(run("secrets.sa-token-automount", inventory).findings).toStrictEqual([]);
    expect(run("secrets.default-service-account", inventory).findings).toStrictEqual([]);
  });

  it("manifests scan: a pod on `default` with its token and no binding scanned is one finding (the token), not two", () => {
    const inventory = fromManifests([deployment("cart", {})]);
    expect(run("secrets.sa-token-automount", inventory).findings.map((f) => f.message)).toStrictEqual([
      "mounts a token for ServiceAccount `default`, which has no RBAC binding in the scanned manifests",
    ]);
    expect(run("secrets.default-service-account", inventory).findings).toStrictEqual([]);
  });

  it("manifests scan: a pod on a named account the scan does not contain is not judged, since its setting is unknown", () => {
    const unknown = fromManifests([deployment("cart", { serviceAccountName: "cart" })]);
    expect(run("secrets.sa-token-automount", unknown)).toStrictEqual({
      status: "evaluated",
      evaluated: [],
      findings: [],
    });
    const shipped = fromManifests([
      deployment("cart", { serviceAccountName: "cart" }),
      { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "cart", namespace: "shop" } },
    ]);
    expect(run("secrets.sa-token-automount", shipped).findings).toHaveLength(1);
  });

  it("the default account is a finding when it shares a binding with every pod that runs as it and mounts its token", () => {
    const binding: RawObject = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "default-reads-config", namespace: "shop" },
      roleRef: { kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "ServiceAccount", name: "default", namespace: "shop" }],
    };
    const inventory = fromManifests([
      deployment("cart", {}),
      deployment("report", { automountServiceAccountToken: false }),
      binding,
    ]);
    expect(
      run("secrets.default-service-account", inventory).findings.map((f) => [f.resource.name, f.message]),
    ).toStrictEqual([
      [
        "cart",
        "runs as the namespace's default service account, with its token, and shares what RoleBinding `default-reads-config` grants it",
      ],
    ]);
  });
});
