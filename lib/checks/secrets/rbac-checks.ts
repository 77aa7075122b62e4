import type { ResourceRef } from "@/lib/inventory/types";
import type { Check, CheckContext, Evaluation } from "../types";
import type { Inventory } from "@/lib/inventory/types";
import { allows, describeBinding, describeRule, describeSubject, effectiveGrants, isSystemBinding, isSystemSubject, type Grant } from "./rbac";

type Findings = Extract<Evaluation, { status: "evaluated" }>["findings"];

/** Evaluates every non-system binding; a grant that `flag` names becomes a finding on its binding. */
function grantCheck(flag: (g: Grant) => string | undefined, includeSystemSubjects = false) {
  return (inventory: Inventory, ctx: CheckContext): Evaluation => {
    const bindings = inventory.roleBindings.filter((b) => !isSystemBinding(b));
    const findings: Findings = [];
    const seen = new Set<string>();
    for (const g of effectiveGrants(inventory)) {
      if (isSystemBinding(g.binding) || (!includeSystemSubjects && isSystemSubject(g.subject, ctx.settings.systemNamespaces))) continue;
      const what = flag(g);
      if (!what) continue;
      const message = `${describeSubject(g.subject)} ${what} through ${describeBinding(g)}, rule ${describeRule(g.rule)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      findings.push({ resource: g.binding.ref, message });
    }
    return { status: "evaluated", evaluated: bindings.map((b) => b.ref), findings };
  };
}

const READ_VERBS = ["get", "list", "watch"];
const RBAC_REQUIRES = ["roles", "roleBindings"] as const;

export const rbacSecretRead = {
  id: "secrets.rbac-secret-read",
  layer: "secrets",
  severity: "high",
  title: "Subjects that can read Secrets",
  rationale: "Reading Secrets yields database passwords, API keys and service-account tokens, which usually lead to more access. `list` and `watch` return every value in scope at once.",
  remediation: "Remove get/list/watch on secrets from the role, or scope it with `resourceNames` to the few secrets the workload needs.",
  references: ["CIS 5.1.2"],
  requires: RBAC_REQUIRES,
  evaluate: grantCheck((g) => {
    const verbs = READ_VERBS.filter((v) => allows(g.rule, v, "", "secrets"));
    return verbs.length ? `can ${verbs.join("/")} secrets` : undefined;
  }),
} as const satisfies Check;

export const rbacClusterAdmin = {
  id: "secrets.rbac-cluster-admin",
  layer: "secrets",
  severity: "critical",
  title: "cluster-admin granted to non-system subjects",
  rationale: "cluster-admin can do anything to any object, including reading every Secret and running privileged pods on every node. Whoever holds it, or steals its credentials, owns the cluster.",
  remediation: "Bind a role with only the permissions the subject needs; keep cluster-admin for break-glass accounts.",
  references: ["CIS 5.1.1", "CIS 5.1.7"],
  requires: ["roleBindings"],
  evaluate: (inventory, ctx) => {
    const bindings = inventory.roleBindings.filter((b) => !isSystemBinding(b));
    const findings: Findings = [];
    for (const b of bindings) {
      for (const s of b.subjects) {
        if (isSystemSubject(s, ctx.settings.systemNamespaces) && s.name !== "system:masters") continue;
        if (b.roleRef.name === "cluster-admin") findings.push({ resource: b.ref, message: `${describeSubject(s)} holds cluster-admin through ${b.ref.kind} \`${b.ref.name}\`` });
        else if (s.kind === "Group" && s.name === "system:masters") findings.push({ resource: b.ref, message: `${b.ref.kind} \`${b.ref.name}\` binds the system:masters group, which bypasses authorization` });
      }
    }
    return { status: "evaluated", evaluated: bindings.map((b) => b.ref), findings };
  },
} as const satisfies Check;

export const rbacWildcard = {
  id: "secrets.rbac-wildcard",
  layer: "secrets",
  severity: "medium",
  title: "Roles with wildcard permissions",
  rationale: "A `*` grants every current and future verb, resource or API group, including ones added by CRDs later, so the role's power grows without anyone reviewing it.",
  remediation: "List the verbs, resources and API groups the role needs explicitly.",
  references: ["CIS 5.1.3"],
  requires: ["roles"],
  evaluate: (inventory) => {
    const roles = inventory.roles.filter((r) => !r.ref.name.startsWith("system:") && r.ref.name !== "cluster-admin" && !r.aggregationSelectors?.length);
    const findings: Findings = roles.flatMap((r) =>
      r.rules
        .filter((rule) => [...rule.verbs, ...rule.resources, ...rule.apiGroups].includes("*"))
        .map((rule) => ({ resource: r.ref, message: `${r.ref.kind} \`${r.ref.name}\` grants ${describeRule(rule)}` })),
    );
    return { status: "evaluated", evaluated: roles.map((r) => r.ref), findings };
  },
} as const satisfies Check;

const ESCALATION: { verb: string; group: string; resource: string; what: string }[] = [
  { verb: "bind", group: "rbac.authorization.k8s.io", resource: "clusterroles", what: "can bind any ClusterRole" },
  { verb: "escalate", group: "rbac.authorization.k8s.io", resource: "clusterroles", what: "can escalate ClusterRoles" },
  { verb: "impersonate", group: "", resource: "users", what: "can impersonate users" },
  { verb: "impersonate", group: "", resource: "serviceaccounts", what: "can impersonate service accounts" },
  { verb: "create", group: "", resource: "pods/exec", what: "can exec into pods" },
  { verb: "get", group: "", resource: "nodes/proxy", what: "can reach the kubelet API through nodes/proxy" },
  { verb: "create", group: "", resource: "serviceaccounts/token", what: "can mint service-account tokens" },
  { verb: "create", group: "", resource: "pods", what: "can create pods" },
  { verb: "create", group: "apps", resource: "deployments", what: "can create Deployments" },
  { verb: "create", group: "apps", resource: "daemonsets", what: "can create DaemonSets" },
  { verb: "create", group: "batch", resource: "jobs", what: "can create Jobs" },
];

export const rbacPrivilegeEscalation = {
  id: "secrets.rbac-privilege-escalation",
  layer: "secrets",
  severity: "high",
  title: "Subjects with privilege-escalation permissions",
  rationale:
    "bind, escalate and impersonate let a subject grant itself more; exec and nodes/proxy run code in other workloads; creating pods or workloads lets it mount any service account's token in the namespace. Each turns limited access into much more.",
  remediation: "Remove these verbs from the role; give deployment pipelines a namespace-scoped role and keep exec for break-glass access.",
  references: ["CIS 5.1.4", "CIS 5.1.8", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  requires: RBAC_REQUIRES,
  evaluate: grantCheck((g) => {
    const hits = ESCALATION.filter((e) => allows(g.rule, e.verb, e.group, e.resource)).map((e) => e.what);
    return hits.length ? hits.join(", ") : undefined;
  }),
} as const satisfies Check;

/** Roles the API server grants to everyone for discovery; anything more is a finding. */
const DISCOVERY_ROLES = new Set(["system:discovery", "system:public-info-viewer", "system:basic-user"]);

export const rbacAnonymous = {
  id: "secrets.rbac-anonymous",
  layer: "secrets",
  severity: "critical",
  title: "Permissions granted to anonymous users",
  rationale: "Bindings to system:anonymous or system:unauthenticated give their permissions to anyone who can reach the API server, without credentials.",
  remediation: "Delete the binding, or bind the permissions to authenticated subjects only.",
  references: ["CIS 5.1 (RBAC)", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles"],
  requires: ["roleBindings"],
  evaluate: (inventory) => {
    const evaluated: ResourceRef[] = inventory.roleBindings.map((b) => b.ref);
    const findings: Findings = inventory.roleBindings.flatMap((b) =>
      b.subjects
        .filter((s) => (s.name === "system:anonymous" || s.name === "system:unauthenticated") && !DISCOVERY_ROLES.has(b.roleRef.name))
        .map((s) => ({ resource: b.ref, message: `${s.kind} ${s.name} is granted ${b.roleRef.kind} \`${b.roleRef.name}\` through ${b.ref.kind} \`${b.ref.name}\`` })),
    );
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;
