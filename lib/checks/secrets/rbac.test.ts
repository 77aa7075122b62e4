import { describe, expect, it } from "vitest";

import type { ApiObject } from "@/lib/fake-api-server/types";
import { manifestsToInventory, type RawObject } from "@/lib/k8s/to-inventory";

import { contextWith } from "../__fixtures__/builders";
import { hardenedEdited, inventoryFromFixture } from "../__fixtures__/cluster-builders";
import { getCheck } from "../registry";

const NOW = new Date("2026-11-23T00:00:00Z");
const crb = (name: string, role: string, subjects: Record<string, string>[]): ApiObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRoleBinding",
  metadata: { name },
  roleRef: { kind: "ClusterRole", name: role },
  subjects,
});
const cr = (name: string, rules: Record<string, unknown>[], extra: Record<string, unknown> = {}): ApiObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name, ...extra },
  rules,
});

function messages(checkId: string, add: ApiObject[]) {
  const out = getCheck(checkId)!.evaluate(inventoryFromFixture(hardenedEdited((objects) => [...objects, ...add])), {
    ...contextWith(),
    now: NOW,
  });
  if (out.status !== "evaluated") throw new Error(out.reason);
  return out.findings.map((f) => f.message);
}

describe("RBAC analysis", () => {
  it("follows aggregated ClusterRoles to the rules they gather", () => {
    const found = messages("secrets.rbac-secret-read", [
      {
        ...cr("monitoring-view", []),
        aggregationRule: {
          clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }],
        },
      },
      cr("secret-peek", [{ apiGroups: [""], resources: ["secrets"], verbs: ["watch"] }], {
        labels: { "rbac.example.com/aggregate-to-monitoring": "true" },
      }),
      crb("monitoring", "monitoring-view", [{ kind: "ServiceAccount", name: "agent", namespace: "monitoring" }]),
    ]);
    expect(found).toStrictEqual([
      'ServiceAccount monitoring/agent can watch secrets through ClusterRoleBinding `monitoring` (ClusterRole `monitoring-view`) cluster-wide, rule [watch] on [secrets] in groups [""]',
    ]);
  });

  it("names resourceNames restrictions, and leaves system subjects and bootstrap bindings out", () => {
    const found = messages("secrets.rbac-secret-read", [
      cr("one-secret", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["app-config"] }]),
      crb("app", "one-secret", [{ kind: "ServiceAccount", name: "app", namespace: "orders" }]),
      crb("controller", "one-secret", [
        { kind: "ServiceAccount", name: "ctrl", namespace: "kube-system" },
        { kind: "User", name: "system:kube-controller-manager" },
      ]),
      crb("system:controller:foo", "one-secret", [{ kind: "User", name: "alice" }]),
    ]);
    expect(found).toStrictEqual([
      'ServiceAccount orders/app can get secrets through ClusterRoleBinding `app` (ClusterRole `one-secret`) cluster-wide, rule [get] on [secrets] in groups [""] (only app-config)',
    ]);
  });

  it("treats system:authenticated as in scope: it is everyone with credentials", () => {
    const found = messages("secrets.rbac-privilege-escalation", [
      cr("impersonator", [{ apiGroups: [""], resources: ["users", "serviceaccounts"], verbs: ["impersonate"] }]),
      crb("everyone", "impersonator", [{ kind: "Group", name: "system:authenticated" }]),
    ]);
    expect(found).toStrictEqual([
      'Group system:authenticated can impersonate users, can impersonate service accounts through ClusterRoleBinding `everyone` (ClusterRole `impersonator`) cluster-wide, rule [impersonate] on [users,serviceaccounts] in groups [""]',
    ]);
  });

  it("allows discovery roles for anonymous users but flags anything more", () => {
    expect(
      messages("secrets.rbac-anonymous", [
        crb("public-info", "system:public-info-viewer", [{ kind: "Group", name: "system:unauthenticated" }]),
      ]),
    ).toStrictEqual([]);
    expect(
      messages("secrets.rbac-anonymous", [crb("anon-view", "view", [{ kind: "User", name: "system:anonymous" }])]),
    ).toStrictEqual(["User system:anonymous is granted ClusterRole `view` through ClusterRoleBinding `anon-view`"]);
  });

  it("counts attach, and get on pods/exec (exec over WebSocket), as exec access", () => {
    const found = messages("secrets.rbac-privilege-escalation", [
      cr("debugger", [
        { apiGroups: [""], resources: ["pods/exec"], verbs: ["get"] },
        { apiGroups: [""], resources: ["pods/attach"], verbs: ["create"] },
      ]),
      crb("oncall", "debugger", [{ kind: "Group", name: "oncall" }]),
    ]);
    expect(found).toStrictEqual([
      'Group oncall can exec into pods through ClusterRoleBinding `oncall` (ClusterRole `debugger`) cluster-wide, rule [get] on [pods/exec] in groups [""]',
      'Group oncall can attach to running containers through ClusterRoleBinding `oncall` (ClusterRole `debugger`) cluster-wide, rule [create] on [pods/attach] in groups [""]',
    ]);
  });

  it("recognises a role that grants everything under another name as cluster-admin, by wildcard or by the full verb list", () => {
    const everyVerb = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
    const found = messages("secrets.rbac-cluster-admin", [
      cr("platform-root", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      cr("ops-all", [{ apiGroups: ["*"], resources: ["*"], verbs: everyVerb }]),
      cr("ops-read", [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch"] }]),
      crb("platform", "platform-root", [{ kind: "User", name: "alice" }]),
      crb("ops", "ops-all", [{ kind: "Group", name: "ops" }]),
      crb("auditors", "ops-read", [{ kind: "Group", name: "auditors" }]),
    ]);
    expect(found).toStrictEqual([
      "User alice holds every permission, as cluster-admin does, through ClusterRoleBinding `platform` (ClusterRole `platform-root` grants [*] on [*] in groups [*])",
      `Group ops holds every permission, as cluster-admin does, through ClusterRoleBinding \`ops\` (ClusterRole \`ops-all\` grants [${everyVerb.join(",")}] on [*] in groups [*])`,
    ]);
  });

  it("reports a binding that grants everything once, as cluster-admin, not again as secret reading and escalation", () => {
    const add = [
      cr("cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      cr("platform-root", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      crb("ci", "cluster-admin", [{ kind: "User", name: "ci-bot" }]),
      crb("platform", "platform-root", [{ kind: "User", name: "alice" }]),
    ];
    expect(messages("secrets.rbac-cluster-admin", add)).toHaveLength(2);
    expect(messages("secrets.rbac-secret-read", add)).toStrictEqual([]);
    expect(messages("secrets.rbac-privilege-escalation", add)).toStrictEqual([]);
  });

  it("files a ClusterRole that carries a stray metadata.namespace as cluster-scoped, so bindings to it resolve", () => {
    const found = messages("secrets.rbac-secret-read", [
      cr("secret-reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], { namespace: "payments" }),
      crb("reader", "secret-reader", [{ kind: "ServiceAccount", name: "agent", namespace: "payments" }]),
    ]);
    expect(found).toStrictEqual([
      'ServiceAccount payments/agent can get secrets through ClusterRoleBinding `reader` (ClusterRole `secret-reader`) cluster-wide, rule [get] on [secrets] in groups [""]',
    ]);
  });

  it("reports a dangerous role nothing scanned binds, from manifests, and never Kubernetes' own or aggregated roles", () => {
    const objects: RawObject[] = [
      cr(
        "exec-anywhere",
        [
          { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
          { apiGroups: [""], resources: ["secrets"], verbs: ["list"] },
        ],
        { namespace: "tools" },
      ),
      cr("system:controller:thing", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]),
      cr("bootstrap-thing", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], {
        labels: { "kubernetes.io/bootstrapping": "rbac-defaults" },
      }),
      cr("admin", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }]),
      cr("crd-editor", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], {
        labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" },
      }),
      cr("wildcards", [{ apiGroups: [""], resources: ["*"], verbs: ["*"] }]),
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        metadata: { name: "bound-reader", namespace: "tools" },
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }],
      },
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "bound-reader", namespace: "tools" },
        roleRef: { kind: "Role", name: "bound-reader" },
        subjects: [{ kind: "ServiceAccount", name: "app", namespace: "tools" }],
      },
    ];
    const inventory = manifestsToInventory(
      objects.map((object, i) => ({ object, source: { file: "rbac.yaml", line: i + 1 } })),
    );
    const out = getCheck("secrets.rbac-unbound-dangerous-role")!.evaluate(inventory, { ...contextWith(), now: NOW });
    if (out.status !== "evaluated") throw new Error(out.reason);
    expect(out.findings.map((f) => [f.resource.name, f.resource.namespace, f.message])).toStrictEqual([
      [
        "exec-anywhere",
        "",
        "ClusterRole `exec-anywhere` would let its subjects exec into pods, list secrets; bound by nothing scanned",
      ],
    ]);
    expect(out.evaluated.map((r) => r.name)).toStrictEqual(["exec-anywhere", "wildcards", "bound-reader"]);
  });
});
