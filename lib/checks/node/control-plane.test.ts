import { describe, expect, it } from "vitest";

import type { ApiObject } from "@/lib/fake-api-server/types";
import { parseControlPlaneFlags } from "@/lib/inventory/control-plane-flags";

import { contextWith } from "../__fixtures__/builders";
import { hardenedEdited, inventoryFromFixture } from "../__fixtures__/cluster-builders";
import { CONTROL_PLANE_CHECKS } from "./control-plane";
import { staticPod, withControlPlane } from "./control-plane.cases";

describe("control plane checks", () => {
  it("are not evaluated, never passed, where no static pod is visible, and say why", () => {
    const inventory = inventoryFromFixture(hardenedEdited());
    for (const check of CONTROL_PLANE_CHECKS) {
      const out = check.evaluate(inventory, contextWith());
      expect(out.status, check.id).toBe("not-evaluated");
      expect(out.status === "not-evaluated" && out.reason, check.id).toMatch(
        /^not visible: no (kube-apiserver|etcd|kube-controller-manager|kube-scheduler) static pod in kube-system/,
      );
    }
  });

  it("are the provider's on a managed control plane, even when pods named like components exist", () => {
    const eks = withControlPlane();
    for (const o of eks.objects.filter((x) => x.kind === "Node") as (ApiObject & {
      spec: { providerID: string };
      metadata: { labels?: Record<string, string> };
    })[]) {
      o.spec.providerID = `aws:///eu-west-1a/i-${o.metadata.name}`;
      o.metadata.labels = { ...o.metadata.labels, "eks.amazonaws.com/nodegroup": "default" };
    }
    const out = CONTROL_PLANE_CHECKS[0]!.evaluate(inventoryFromFixture(eks), contextWith());
    expect(out).toStrictEqual({
      status: "not-applicable",
      reason: "the provider runs this part of a managed cluster (EKS)",
    });
  });

  it("leave out an API server whose settings live in a file Bulwark cannot read", () => {
    const cluster = hardenedEdited((objects) => {
      objects.push(staticPod("kube-apiserver", ["--authorization-config=/etc/kubernetes/authz.yaml"]));
    });
    const authz = CONTROL_PLANE_CHECKS.find((c) => c.id === "node.apiserver-authorization")!;
    expect(authz.evaluate(inventoryFromFixture(cluster), contextWith())).toStrictEqual({
      status: "not-evaluated",
      reason: "the API server reads --authorization-config, a file Bulwark cannot see",
    });
  });
});

describe("control plane flags", () => {
  it("keep only the allow-listed flags, and of file flags only that they are set", () => {
    const parsed = parseControlPlaneFlags({
      image: "registry.k8s.io/kube-apiserver:v1.37.1",
      command: [
        "kube-apiserver",
        "--oidc-client-secret=hunter2",
        "--token-auth-file=/etc/kubernetes/tokens.csv",
        "--profiling",
        "false",
        "--anonymous-auth",
      ],
    });
    expect(parsed).toStrictEqual({
      component: "kube-apiserver",
      flags: { "token-auth-file": "(set)", profiling: "false", "anonymous-auth": "true" },
    });
    expect(
      parseControlPlaneFlags({ image: "registry.k8s.io/etcd:3.6.4-0", args: ["--client-cert-auth=true"] }),
    ).toStrictEqual({ component: "etcd", flags: { "client-cert-auth": "true" } });
    expect(parseControlPlaneFlags({ image: "nginx:1.27", command: ["nginx", "--profiling=false"] })).toBeUndefined();
  });

  it("never keep other arguments in the collected inventory", () => {
    const cluster = hardenedEdited((objects) => {
      objects.push(
        staticPod("kube-apiserver", [
          "--anonymous-auth=false",
          "--oidc-client-secret=hunter2",
          "--etcd-servers=https://10.1.0.10:2379",
        ]),
      );
    });
    const json = JSON.stringify(inventoryFromFixture(cluster));
    expect(json).not.toContain("hunter2");
    expect(json).not.toContain("10.1.0.10:2379");
    expect(json).toContain('"anonymous-auth":"false"');
  });
});
