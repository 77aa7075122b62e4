import { describe, expect, it } from "vitest";

import { contextWith } from "@/lib/checks/__fixtures__/builders";
import { hardenedEdited, inventoryFromFixture } from "@/lib/checks/__fixtures__/cluster-builders";
import { runChecks } from "@/lib/checks/run-checks";
import type { CheckSettings } from "@/lib/checks/settings";
import { container, restrictedContext, workload } from "@/lib/fake-api-server/clusters/build";
import type { ApiObject } from "@/lib/fake-api-server/types";
import { emptyInventory, type Inventory } from "@/lib/inventory/types";

import { controlKey, evaluateFramework, type FrameworkInput } from "./evaluate-framework";
import { getFramework } from "./registry";
import { summariseFramework } from "./summarise-framework";

const IMAGE =
  "registry.internal.example/orders/x:1.0.0@sha256:4bd4ad1ed4b0e53fc1e1e1d8aa0e5fbd02ae7e33f0b7f7a4f7a7cd0bbd3ca1a7";

function scan(add: ApiObject[] = [], opts: { missing?: Inventory["missing"]; settings?: Partial<CheckSettings> } = {}) {
  const inventory = inventoryFromFixture(hardenedEdited((objects) => [...objects, ...add]));
  inventory.missing = opts.missing ?? {};
  return runChecks(inventory, contextWith(opts.settings));
}

function cis(input: FrameworkInput) {
  const result = evaluateFramework(getFramework("cis-kubernetes")!, input);
  return (id: string) => result.controls.find((c) => c.id === id)!;
}

const hostNetworkPod = workload("edge", "orders", [container("edge", IMAGE, { securityContext: restrictedContext })], {
  podSpec: { hostNetwork: true },
});
const privilegedPod = workload("debug", "orders", [
  container("debug", IMAGE, { securityContext: { ...restrictedContext, privileged: true } }),
]);

describe("control status from a scan", () => {
  it("passes a control whose checks were all evaluated without findings", () => {
    const control = cis({ results: scan() });
    expect(control("5.2.2")).toMatchObject({ status: "pass", checks: ["pod.privileged"], failing: [] });
    expect(control("4.2.1")).toMatchObject({ status: "pass", checks: ["node.kubelet-anonymous-auth"] });
  });

  it("fails a control with each failing resource once, and only the control the finding concerns", () => {
    const control = cis({ results: scan([hostNetworkPod, privilegedPod]) });
    expect(control("5.2.2")).toMatchObject({
      status: "fail",
      failing: [{ resource: { kind: "Deployment", namespace: "orders", name: "debug" }, checks: ["pod.privileged"] }],
    });
    expect(control("5.2.5")).toMatchObject({
      status: "fail",
      failing: [
        { resource: { kind: "Deployment", namespace: "orders", name: "edge" }, checks: ["pod.host-namespaces"] },
      ],
    });
    // hostNetwork is not hostPID: one root cause fails one control.
    expect(control("5.2.3").status).toBe("pass");
  });

  it("is not evaluated, never passed, when a mapped check could not run, and says why", () => {
    const control = cis({
      results: scan([], {
        missing: {
          roleBindings: "forbidden: cannot list clusterrolebindings (grant list on rbac.authorization.k8s.io)",
        },
      }),
    });
    expect(control("5.1.1")).toMatchObject({
      status: "not-evaluated",
      reason:
        "not evaluated: secrets.rbac-cluster-admin: forbidden: cannot list clusterrolebindings (grant list on rbac.authorization.k8s.io)",
    });
    const off = cis({ results: scan([], { settings: { disabledChecks: ["pod.seccomp-missing"] } }) });
    expect(off("5.6.2")).toMatchObject({
      status: "not-evaluated",
      reason: "not evaluated: pod.seccomp-missing: did not run (turned off in settings)",
    });
  });

  it("does not pass a control over a scan that held nothing its checks look at", () => {
    const control = cis({ results: runChecks(emptyInventory("cluster"), contextWith()) });
    expect(control("5.2.2")).toMatchObject({
      status: "not-evaluated",
      reason: "nothing to evaluate: the scan held none of the resources these checks look at",
    });
  });

  it("fails rather than hides a known failure when another mapped check was not evaluated", () => {
    const failing = cis({
      results: scan(
        [
          workload("root", "orders", [
            container("root", IMAGE, { securityContext: { ...restrictedContext, allowPrivilegeEscalation: true } }),
          ]),
        ],
        { settings: { disabledChecks: ["pod.run-as-non-root"] } },
      ),
    });
    expect(failing("5.6.3")).toMatchObject({
      status: "fail",
      reason: "not evaluated: pod.run-as-non-root: did not run (turned off in settings)",
    });
  });

  it("hands control plane controls to the provider on a managed cluster, and keeps the rest", () => {
    const control = cis({ results: scan(), provider: "EKS" });
    expect(control("1.2.1")).toMatchObject({
      status: "not-applicable",
      reason: "the control plane is managed by the provider (EKS)",
    });
    expect(control("1.2.2")).toMatchObject({
      status: "not-applicable",
      reason: "the control plane is managed by the provider (EKS)",
    });
    expect(control("2.2").status).toBe("not-applicable");
    expect(control("3.2.1").status).toBe("manual");
    expect(control("5.2.2").status).toBe("pass");
  });

  it("reports manual controls with the evidence needed and whether an attestation covers them", () => {
    const control = cis({ results: scan(), attested: new Set([controlKey("cis-kubernetes", "1.2.2")]) });
    expect(control("1.2.2")).toMatchObject({ status: "manual", attested: true });
    expect(control("1.2.2").reason).toContain("no --token-auth-file");
    expect(control("1.2.3")).toMatchObject({ status: "manual", attested: false });
  });

  it("counts the share of automated controls passing from the controls themselves", () => {
    const result = evaluateFramework(getFramework("cis-kubernetes")!, {
      results: scan([privilegedPod], { missing: { roleBindings: "forbidden" } }),
    });
    const summary = summariseFramework(result.controls);
    const count = (s: string) => result.controls.filter((c) => c.status === s).length;
    expect(summary.fail).toBe(count("fail"));
    expect(summary.fail).toBeGreaterThan(0);
    expect(summary.notEvaluated).toBe(count("not-evaluated"));
    expect(summary.notEvaluated).toBeGreaterThan(0);
    expect(summary.automated).toBe(summary.pass + summary.fail + summary.notEvaluated);
    expect(summary.share).toBe(summary.pass / summary.automated);
    expect(summary.manual + summary.notApplicable + summary.automated).toBe(result.controls.length);
  });
});
