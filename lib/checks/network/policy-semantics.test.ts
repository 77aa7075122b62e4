import { describe, expect, it } from "vitest";

import type { ApiObject } from "@/lib/fake-api-server/types";

import { contextWith } from "../__fixtures__/builders";
import { hardenedEdited, inventoryFromFixture } from "../__fixtures__/cluster-builders";
import { getCheck } from "../registry";

const NOW = new Date("2026-11-23T00:00:00Z");
const np = (name: string, spec: Record<string, unknown>, namespace = "orders"): ApiObject => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace },
  spec,
});

/** The orders namespace with only the given policies (the hardened defaults removed). */
function ordersWith(...policies: ApiObject[]) {
  return hardenedEdited((objects) => [
    ...objects.filter((o) => !(o.kind.endsWith("NetworkPolicy") && o.metadata.namespace === "orders")),
    ...policies,
  ]);
}

function findingsOf(checkId: string, cluster: ReturnType<typeof hardenedEdited>) {
  const out = getCheck(checkId)!.evaluate(inventoryFromFixture(cluster), { ...contextWith(), now: NOW });
  if (out.status !== "evaluated") throw new Error(out.reason);
  return out.findings
    .filter((f) => f.resource.namespace === "orders" || f.resource.name === "orders")
    .map((f) => f.message);
}

describe("NetworkPolicy semantics", () => {
  it("an empty podSelector with no rules is a default deny for the types it lists", () => {
    const cluster = ordersWith(np("deny", { podSelector: {}, policyTypes: ["Ingress"] }));
    expect(findingsOf("network.no-default-deny-ingress", cluster)).toStrictEqual([]);
    expect(findingsOf("network.no-default-deny-egress", cluster)).toHaveLength(1);
  });

  it("a policy with only egress rules and no policyTypes governs ingress too (the API default adds Ingress)", () => {
    const cluster = ordersWith(np("egress-only", { podSelector: {}, egress: [{ to: [{ namespaceSelector: {} }] }] }));
    expect(findingsOf("network.no-default-deny-ingress", cluster)).toStrictEqual([]);
    expect(findingsOf("network.pod-ingress-unrestricted", cluster)).toStrictEqual([]);
  });

  it("an allow-all rule (`- {}`) is not a default deny, and leaves pods open", () => {
    const cluster = ordersWith(np("open", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] }));
    expect(findingsOf("network.no-default-deny-ingress", cluster)).toHaveLength(1);
    expect(findingsOf("network.pod-ingress-unrestricted", cluster)).toStrictEqual([
      "NetworkPolicy `open` allows ingress from every source",
      "NetworkPolicy `open` allows ingress from every source",
    ]);
  });

  it("egress to 0.0.0.0/0 is open egress, one finding by network.pod-egress-unrestricted, not a second one for the metadata API", () => {
    const open = ordersWith(
      np("internet", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }],
      }),
    );
    expect(findingsOf("network.pod-egress-unrestricted", open)).toStrictEqual([
      "NetworkPolicy `internet` allows egress to 0.0.0.0/0 on every port",
      "NetworkPolicy `internet` allows egress to 0.0.0.0/0 on every port",
    ]);
    expect(findingsOf("network.metadata-api-reachable", open)).toStrictEqual([]);
    const https = ordersWith(
      np("https", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }], ports: [{ port: 443 }] }],
      }),
    );
    expect(findingsOf("network.pod-egress-unrestricted", https)).toStrictEqual([]);
  });

  it("a narrower range that holds 169.254.169.254 reaches the metadata API unless the address is excepted", () => {
    const linkLocal = ordersWith(
      np("link-local", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "169.254.0.0/16" } }] }],
      }),
    );
    expect(findingsOf("network.metadata-api-reachable", linkLocal)).toHaveLength(2);
    const excepted = ordersWith(
      np("link-local", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "169.254.0.0/16", except: ["169.254.169.254/32"] } }] }],
      }),
    );
    expect(findingsOf("network.metadata-api-reachable", excepted)).toStrictEqual([]);
  });

  it("no egress policy at all is one finding per workload (pod-egress-unrestricted), not a metadata-API finding too; DNS-only egress is neither", () => {
    expect(findingsOf("network.metadata-api-reachable", ordersWith())).toStrictEqual([]);
    expect(findingsOf("network.pod-egress-unrestricted", ordersWith())).toStrictEqual([
      "no policy restricts egress from its pods (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
      "no policy restricts egress from its pods (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
    ]);
    const dnsOnly = ordersWith(
      np("dns", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: 53, protocol: "UDP" }] }] }),
    );
    expect(findingsOf("network.metadata-api-reachable", dnsOnly)).toStrictEqual([]);
    expect(findingsOf("network.pod-egress-unrestricted", dnsOnly)).toStrictEqual([]);
  });

  it("the metadata check does not apply where no node shows a cloud that serves a metadata API", () => {
    const onPrem = hardenedEdited((objects) => {
      for (const o of objects.filter((x) => x.kind === "Node") as (ApiObject & { spec: Record<string, unknown> })[])
        o.spec.providerID = `kind://docker/kind/${o.metadata.name}`;
    });
    expect(
      getCheck("network.metadata-api-reachable")!.evaluate(inventoryFromFixture(onPrem), {
        ...contextWith(),
        now: NOW,
      }),
    ).toStrictEqual({
      status: "not-applicable",
      reason: "no node reports a cloud provider that serves a metadata API (spec.providerID)",
    });
  });

  it("reads each rule set of a Cilium policy written as a `specs:` list", () => {
    const cilium: ApiObject = {
      apiVersion: "cilium.io/v2",
      kind: "CiliumNetworkPolicy",
      metadata: { name: "per-app", namespace: "orders" },
      specs: [
        {
          endpointSelector: { matchLabels: { "app.kubernetes.io/name": "api" } },
          ingress: [{ fromEndpoints: [{ matchLabels: { role: "frontend" } }] }],
          egress: [{ toEndpoints: [{ matchLabels: { role: "db" } }] }],
        },
        {
          endpointSelector: { matchLabels: { "app.kubernetes.io/name": "worker" } },
          egress: [{ toEndpoints: [{ matchLabels: { role: "queue" } }] }],
        },
      ],
    } as ApiObject;
    const cluster = ordersWith(cilium);
    expect(findingsOf("network.pod-ingress-unrestricted", cluster)).toStrictEqual([
      "no policy restricts ingress to its pods (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
    ]);
    expect(findingsOf("network.pod-egress-unrestricted", cluster)).toStrictEqual([]);
  });

  it("counts Cilium and Calico policies: a clusterwide default deny covers every namespace", () => {
    const cilium: ApiObject = {
      apiVersion: "cilium.io/v2",
      kind: "CiliumClusterwideNetworkPolicy",
      metadata: { name: "default-deny" },
      spec: { endpointSelector: {}, ingress: [{}], egress: [{}] },
    };
    const cluster = hardenedEdited((objects) => [...objects.filter((o) => o.kind !== "NetworkPolicy"), cilium]);
    expect(findingsOf("network.namespace-no-policy", cluster)).toStrictEqual([]);
    expect(findingsOf("network.no-default-deny-ingress", cluster)).toStrictEqual([]);
    const calico: ApiObject = {
      apiVersion: "crd.projectcalico.org/v1",
      kind: "GlobalNetworkPolicy",
      metadata: { name: "deny-app" },
      spec: { selector: "app.kubernetes.io/name == 'api'", types: ["Ingress"] },
    };
    const onlyApi = hardenedEdited((objects) => [...objects.filter((o) => o.kind !== "NetworkPolicy"), calico]);
    expect(findingsOf("network.pod-ingress-unrestricted", onlyApi)).toStrictEqual([
      "no policy restricts ingress to its pods (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
    ]);
  });
});

describe("managed control planes", () => {
  it("marks provider-managed checks as not applicable (the provider's part) instead of passing or failing them", () => {
    const gke = hardenedEdited((objects) => {
      for (const o of objects.filter((x) => x.kind === "Node") as (ApiObject & {
        spec: Record<string, unknown>;
        metadata: { labels: Record<string, string> };
      })[]) {
        o.spec.providerID = `gce://proj/europe-west1-b/${o.metadata.name}`;
        o.metadata.labels["cloud.google.com/gke-nodepool"] = "default-pool";
      }
    });
    const inventory = inventoryFromFixture(gke);
    for (const id of ["node.kubelet-anonymous-auth", "node.control-plane-schedulable"]) {
      expect(getCheck(id)!.evaluate(inventory, { ...contextWith(), now: NOW })).toStrictEqual({
        status: "not-applicable",
        reason: "the provider runs this part of a managed cluster (GKE)",
      });
    }
  });

  it("reports kubelet checks as not evaluated, never passed, when configz was forbidden", () => {
    const inventory = inventoryFromFixture(
      hardenedEdited((_o, c) => {
        c.kubeletConfigs = {};
      }),
    );
    expect(getCheck("node.kubelet-anonymous-auth")!.evaluate(inventory, { ...contextWith(), now: NOW })).toStrictEqual({
      status: "not-evaluated",
      reason: "configz not found",
    });
  });
});
