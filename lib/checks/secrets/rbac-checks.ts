import type { PolicyRule, Role } from "@/lib/inventory/cluster-types";
import { matchesSelector } from "@/lib/inventory/match-labels";
import type { Inventory, ResourceRef } from "@/lib/inventory/types";

import type { Check, CheckContext, Evaluation } from "../types";
import {
  allows,
  boundRoleKey,
  describeBinding,
  describeRule,
  describeSubject,
  effectiveGrants,
  everythingRule,
  isDefaultRole,
  isSystemBinding,
  isSystemSubject,
  roleKeyOf,
  roleResolver,
  type Grant,
} from "./rbac";

type Findings = Extract<Evaluation, { status: "evaluated" }>["findings"];

/**
 * Evaluates every non-system binding; a grant that `flag` names becomes a finding on its binding.
 * A binding that grants everything is one cause with one finding, secrets.rbac-cluster-admin's.
 */
function grantCheck(flag: (g: Grant) => string | undefined, includeSystemSubjects = false) {
  return (inventory: Inventory, ctx: CheckContext): Evaluation => {
    const bindings = inventory.roleBindings.filter((b) => !isSystemBinding(b));
    const roles = roleResolver(inventory);
    const everything = new Set(bindings.filter((b) => everythingRule(b, roles)));
    const findings: Findings = [];
    const seen = new Set<string>();
    for (const g of effectiveGrants(inventory)) {
      if (
        isSystemBinding(g.binding) ||
        everything.has(g.binding) ||
        (!includeSystemSubjects && isSystemSubject(g.subject, ctx.settings.systemNamespaces))
      )
        continue;
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
  rationale:
    "Reading Secrets yields database passwords, API keys and service-account tokens, which usually lead to more access. `list` and `watch` return every value in scope at once. " +
    "A binding that grants everything is reported once, by secrets.rbac-cluster-admin. Same in both modes, over the bindings scanned.",
  remediation:
    "Remove get/list/watch on secrets from the role, or scope it with `resourceNames` to the few secrets the workload needs.",
  references: ["CIS 5.1.2"],
  requires: RBAC_REQUIRES,
  evaluate: grantCheck((g) => secretRead(g.rule)),
} as const satisfies Check;

function secretRead(rule: PolicyRule): string | undefined {
  const verbs = READ_VERBS.filter((v) => allows(rule, v, "", "secrets"));
  return verbs.length ? `can ${verbs.join("/")} secrets` : undefined;
}

export const rbacClusterAdmin = {
  id: "secrets.rbac-cluster-admin",
  layer: "secrets",
  severity: "critical",
  title: "cluster-admin granted to non-system subjects",
  rationale:
    "cluster-admin can do anything to any object, including reading every Secret and running privileged pods on every node. Whoever holds it, or steals its credentials, owns the cluster. " +
    "A role of another name that grants every verb on every resource in every group is the same power and is reported the same way.",
  remediation: "Bind a role with only the permissions the subject needs; keep cluster-admin for break-glass accounts.",
  references: ["CIS 5.1.1", "CIS 5.1.7"],
  requires: RBAC_REQUIRES,
  evaluate: (inventory, ctx) => {
    const bindings = inventory.roleBindings.filter((b) => !isSystemBinding(b));
    const roles = roleResolver(inventory);
    const findings: Findings = [];
    for (const b of bindings) {
      const everything = everythingRule(b, roles);
      const where = b.ref.kind === "RoleBinding" ? ` in namespace ${b.ref.namespace}` : "";
      for (const s of b.subjects) {
        if (isSystemSubject(s, ctx.settings.systemNamespaces) && s.name !== "system:masters") continue;
        if (everything === "cluster-admin")
          findings.push({
            resource: b.ref,
            message: `${describeSubject(s)} holds cluster-admin through ${b.ref.kind} \`${b.ref.name}\``,
          });
        else if (everything)
          findings.push({
            resource: b.ref,
            message: `${describeSubject(s)} holds every permission${where}, as cluster-admin does, through ${b.ref.kind} \`${b.ref.name}\` (${b.roleRef.kind} \`${b.roleRef.name}\` grants ${describeRule(everything)})`,
          });
        else if (s.kind === "Group" && s.name === "system:masters")
          findings.push({
            resource: b.ref,
            message: `${b.ref.kind} \`${b.ref.name}\` binds the system:masters group, which bypasses authorization`,
          });
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
  rationale:
    "A `*` grants every current and future verb, resource or API group, including ones added by CRDs later, so the role's power grows without anyone reviewing it.",
  remediation: "List the verbs, resources and API groups the role needs explicitly.",
  references: ["CIS 5.1.3"],
  requires: ["roles"],
  evaluate: (inventory) => {
    const roles = inventory.roles.filter(
      (r) => !r.ref.name.startsWith("system:") && r.ref.name !== "cluster-admin" && !r.aggregationSelectors?.length,
    );
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
  // Exec and attach are upgraded GET requests over WebSocket: `get` is enough on many API server versions.
  { verb: "create", group: "", resource: "pods/exec", what: "can exec into pods" },
  { verb: "get", group: "", resource: "pods/exec", what: "can exec into pods" },
  { verb: "create", group: "", resource: "pods/attach", what: "can attach to running containers" },
  { verb: "get", group: "", resource: "pods/attach", what: "can attach to running containers" },
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
    "bind, escalate and impersonate let a subject grant itself more; exec and attach (create, or get, which opens the WebSocket on many versions) and nodes/proxy run code in other workloads; creating pods or workloads lets it mount any service account's token in the namespace. Each turns limited access into much more. " +
    "A binding that grants everything is reported once, by secrets.rbac-cluster-admin. Same in both modes, over the bindings scanned.",
  remediation:
    "Remove these verbs from the role; give deployment pipelines a namespace-scoped role and keep exec for break-glass access.",
  references: [
    "CIS 5.1.4",
    "CIS 5.1.8",
    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks",
  ],
  requires: RBAC_REQUIRES,
  evaluate: grantCheck((g) => escalation(g.rule)),
} as const satisfies Check;

function escalation(rule: PolicyRule): string | undefined {
  const hits = new Set(ESCALATION.filter((e) => allows(rule, e.verb, e.group, e.resource)).map((e) => e.what));
  return hits.size ? [...hits].join(", ") : undefined;
}

/** Roles used through another: picked by a scanned role's aggregation selectors, or labelled to aggregate into the default admin/edit/view roles. */
function isAggregated(role: Role, aggregators: Role[]): boolean {
  if (Object.keys(role.meta.labels).some((l) => l.startsWith("rbac.authorization.k8s.io/aggregate-to-"))) return true;
  return aggregators.some(
    (a) => a !== role && a.aggregationSelectors!.some((sel) => matchesSelector(sel, role.meta.labels)),
  );
}

const hasWildcard = (rule: PolicyRule) => [...rule.verbs, ...rule.resources, ...rule.apiGroups].includes("*");

export const rbacUnboundDangerousRole = {
  id: "secrets.rbac-unbound-dangerous-role",
  layer: "secrets",
  severity: "low",
  title: "Dangerous roles that nothing binds",
  rationale:
    "A role that can read Secrets, exec into pods or escalate privileges is harmless until someone binds it, and then it is not reviewed again. " +
    "From manifests the role is reported, at low severity, when no binding in the scanned set uses it (the binding often lives elsewhere), so the permissions are reviewed with the chart that ships them. " +
    "In a cluster scan an unbound role is latent risk and earns the same low finding; Kubernetes' own roles (bootstrap-labelled, `system:` names, cluster-admin, admin, edit, view) and roles aggregated into others never do. " +
    "Wildcard rules are reported once, by secrets.rbac-wildcard.",
  remediation:
    "Delete the role if nothing uses it; otherwise remove the permissions its users do not need before binding it.",
  references: [
    "CIS 5.1 (RBAC): grants no binding uses yet",
    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks",
  ],
  requires: RBAC_REQUIRES,
  evaluate: (inventory) => {
    const bound = new Set(inventory.roleBindings.map(boundRoleKey));
    const aggregators = inventory.roles.filter((r) => r.aggregationSelectors?.length);
    const roles = inventory.roles.filter(
      (r) => !isDefaultRole(r) && !r.aggregationSelectors?.length && !isAggregated(r, aggregators),
    );
    const where = inventory.source === "manifests" ? "bound by nothing scanned" : "bound by nothing in the cluster";
    const findings: Findings = [];
    for (const r of roles) {
      if (bound.has(roleKeyOf(r))) continue;
      const grants = new Set(
        r.rules
          .filter((rule) => !hasWildcard(rule))
          .flatMap((rule) => [secretRead(rule), escalation(rule)].filter((w): w is string => w !== undefined)),
      );
      if (grants.size)
        findings.push({
          resource: r.ref,
          message: `${r.ref.kind} \`${r.ref.name}\` would let its subjects ${[...grants].join(", ").replace(/\bcan /g, "")}; ${where}`,
        });
    }
    return { status: "evaluated", evaluated: roles.map((r) => r.ref), findings };
  },
} as const satisfies Check;

/** Roles the API server grants to everyone for discovery; anything more is a finding. */
const DISCOVERY_ROLES = new Set(["system:discovery", "system:public-info-viewer", "system:basic-user"]);

export const rbacAnonymous = {
  id: "secrets.rbac-anonymous",
  layer: "secrets",
  severity: "critical",
  title: "Permissions granted to anonymous users",
  rationale:
    "Bindings to system:anonymous or system:unauthenticated give their permissions to anyone who can reach the API server, without credentials.",
  remediation: "Delete the binding, or bind the permissions to authenticated subjects only.",
  references: ["CIS 5.1 (RBAC)", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles"],
  requires: ["roleBindings"],
  evaluate: (inventory) => {
    const evaluated: ResourceRef[] = inventory.roleBindings.map((b) => b.ref);
    const findings: Findings = inventory.roleBindings.flatMap((b) =>
      b.subjects
        .filter(
          (s) =>
            (s.name === "system:anonymous" || s.name === "system:unauthenticated") &&
            !DISCOVERY_ROLES.has(b.roleRef.name),
        )
        .map((s) => ({
          resource: b.ref,
          message: `${s.kind} ${s.name} is granted ${b.roleRef.kind} \`${b.roleRef.name}\` through ${b.ref.kind} \`${b.ref.name}\``,
        })),
    );
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;
