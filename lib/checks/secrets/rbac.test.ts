import { describe, expect, it } from "vitest";
import type { ApiObject } from "@/lib/fake-api-server/types";
import { contextWith } from "../__fixtures__/builders";
import { hardenedEdited, inventoryFromFixture } from "../__fixtures__/cluster-builders";
import { getCheck } from "../registry";

const NOW = new Date("2026-11-23T00:00:00Z");
const crb = (name: string, role: string, subjects: Record<string, string>[]): ApiObject => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name }, roleRef: { kind: "ClusterRole", name: role }, subjects });
const cr = (name: string, rules: Record<string, unknown>[], extra: Record<string, unknown> = {}): ApiObject => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name, ...extra }, rules });

function messages(checkId: string, add: ApiObject[]) {
  const out = getCheck(checkId)!.evaluate(inventoryFromFixture(hardenedEdited((objects) => [...objects, ...add])), { ...contextWith(), now: NOW });
  if (out.status !== "evaluated") throw new Error(out.reason);
  return out.findings.map((f) => f.message);
}

describe("RBAC analysis", () => {
  it("follows aggregated ClusterRoles to the rules they gather", () => {
    const found = messages("secrets.rbac-secret-read", [
      { ...cr("monitoring-view", []), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }] } },
      cr("secret-peek", [{ apiGroups: [""], resources: ["secrets"], verbs: ["watch"] }], { labels: { "rbac.example.com/aggregate-to-monitoring": "true" } }),
      crb("monitoring", "monitoring-view", [{ kind: "ServiceAccount", name: "agent", namespace: "monitoring" }]),
    ]);
    expect(found).toStrictEqual(["ServiceAccount monitoring/agent can watch secrets through ClusterRoleBinding `monitoring` (ClusterRole `monitoring-view`) cluster-wide, rule [watch] on [secrets] in groups [\"\"]"]);
  });

  it("names resourceNames restrictions, and leaves system subjects and bootstrap bindings out", () => {
    const found = messages("secrets.rbac-secret-read", [
      cr("one-secret", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["app-config"] }]),
      crb("app", "one-secret", [{ kind: "ServiceAccount", name: "app", namespace: "orders" }]),
      crb("controller", "one-secret", [{ kind: "ServiceAccount", name: "ctrl", namespace: "kube-system" }, { kind: "User", name: "system:kube-controller-manager" }]),
      crb("system:controller:foo", "one-secret", [{ kind: "User", name: "alice" }]),
    ]);
    expect(found).toStrictEqual(["ServiceAccount orders/app can get secrets through ClusterRoleBinding `app` (ClusterRole `one-secret`) cluster-wide, rule [get] on [secrets] in groups [\"\"] (only app-config)"]);
  });

  it("treats system:authenticated as in scope: it is everyone with credentials", () => {
    const found = messages("secrets.rbac-privilege-escalation", [cr("impersonator", [{ apiGroups: [""], resources: ["users", "serviceaccounts"], verbs: ["impersonate"] }]), crb("everyone", "impersonator", [{ kind: "Group", name: "system:authenticated" }])]);
    expect(found).toStrictEqual(["Group system:authenticated can impersonate users, can impersonate service accounts through ClusterRoleBinding `everyone` (ClusterRole `impersonator`) cluster-wide, rule [impersonate] on [users,serviceaccounts] in groups [\"\"]"]);
  });

  it("allows discovery roles for anonymous users but flags anything more", () => {
    expect(messages("secrets.rbac-anonymous", [crb("public-info", "system:public-info-viewer", [{ kind: "Group", name: "system:unauthenticated" }])])).toStrictEqual([]);
    expect(messages("secrets.rbac-anonymous", [crb("anon-view", "view", [{ kind: "User", name: "system:anonymous" }])])).toStrictEqual([
      "User system:anonymous is granted ClusterRole `view` through ClusterRoleBinding `anon-view`",
    ]);
  });
});
