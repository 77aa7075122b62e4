import type { PolicyRule, Role, RoleBinding, Subject } from "@/lib/inventory/cluster-types";
import { matchesSelector } from "@/lib/inventory/match-labels";
import type { Inventory } from "@/lib/inventory/types";

/** One rule granted to one subject through one binding. */
export type Grant = { subject: Subject; binding: RoleBinding; roleName: string; rule: PolicyRule };

const BROAD_GROUPS = new Set(["system:anonymous", "system:unauthenticated", "system:authenticated"]);

/** Subjects managed by Kubernetes itself, out of scope by default: system: users and groups, and service accounts in system namespaces. */
export function isSystemSubject(s: Subject, systemNamespaces: string[]): boolean {
  if (BROAD_GROUPS.has(s.name)) return false;
  if (s.kind === "ServiceAccount") return systemNamespaces.includes(s.namespace ?? "");
  return s.name.startsWith("system:");
}

/** Bootstrap bindings installed and reconciled by the API server. */
export const isSystemBinding = (b: RoleBinding) => b.ref.name.startsWith("system:");

/** A role's rules, including those of ClusterRoles aggregated into it by label. */
export function rulesOf(role: Role, clusterRoles: Role[]): PolicyRule[] {
  if (!role.aggregationSelectors?.length) return role.rules;
  const aggregated = clusterRoles.filter(
    (r) => r !== role && role.aggregationSelectors!.some((sel) => matchesSelector(sel, r.meta.labels)),
  );
  return [...role.rules, ...aggregated.flatMap((r) => r.rules)];
}

const roleKey = (kind: string, namespace: string, name: string) =>
  `${kind}/${kind === "Role" ? namespace : ""}/${name}`;

/** The key of the role a binding refers to: a Role in the binding's namespace, or a ClusterRole. */
export const boundRoleKey = (b: RoleBinding) => roleKey(b.roleRef.kind, b.ref.namespace, b.roleRef.name);
export const roleKeyOf = (r: Role) => roleKey(r.ref.kind, r.ref.namespace, r.ref.name);

/** Resolves bindings to the roles they name, and roles to their rules (aggregation followed). */
export function roleResolver(inventory: Inventory) {
  const clusterRoles = inventory.roles.filter((r) => r.ref.kind === "ClusterRole");
  const byKey = new Map(inventory.roles.map((r) => [roleKeyOf(r), r]));
  return {
    roleOf: (b: RoleBinding) => byKey.get(boundRoleKey(b)),
    rulesOf: (role: Role) => rulesOf(role, clusterRoles),
  };
}

/** The rule by which a binding grants everything (cluster-admin, or a role that withholds nothing), or undefined. "cluster-admin" itself is named by the binding. */
export function everythingRule(
  b: RoleBinding,
  roles: ReturnType<typeof roleResolver>,
): PolicyRule | "cluster-admin" | undefined {
  if (b.roleRef.kind === "ClusterRole" && b.roleRef.name === "cluster-admin") return "cluster-admin";
  const role = roles.roleOf(b);
  return role ? roles.rulesOf(role).find(grantsEverything) : undefined;
}

/** Every (subject, binding, rule) triple: the effective permissions of each subject. */
export function effectiveGrants(inventory: Inventory): Grant[] {
  const roles = roleResolver(inventory);
  const grants: Grant[] = [];
  for (const binding of inventory.roleBindings) {
    const role = roles.roleOf(binding);
    const rules = role ? roles.rulesOf(role) : [];
    for (const subject of binding.subjects)
      for (const rule of rules) grants.push({ subject, binding, roleName: binding.roleRef.name, rule });
  }
  return grants;
}

const has = (list: string[], value: string) => list.includes("*") || list.includes(value);

/** Whether a rule allows `verb` on `resource` (may be "pods/exec") in API group `group`. */
export function allows(rule: PolicyRule, verb: string, group: string, resource: string): boolean {
  return (
    has(rule.verbs, verb) &&
    has(rule.apiGroups, group) &&
    (has(rule.resources, resource) || rule.resources.includes(`${resource.split("/")[0]}/*`))
  );
}

/** Every verb a resource accepts; a rule that lists them all on every resource withholds nothing. */
const EVERY_VERB = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

/** Whether a rule grants everything, as cluster-admin's does: every verb (`*` or the full list) on every resource in every group. */
export function grantsEverything(rule: PolicyRule): boolean {
  return (
    rule.apiGroups.includes("*") &&
    rule.resources.includes("*") &&
    !rule.resourceNames?.length &&
    (rule.verbs.includes("*") || EVERY_VERB.every((v) => rule.verbs.includes(v)))
  );
}

/** Roles Kubernetes installs and reconciles itself: bootstrap-labelled, `system:` names, and the user-facing defaults. */
const USER_FACING_DEFAULTS = new Set(["cluster-admin", "admin", "edit", "view"]);
export const isDefaultRole = (r: Role) =>
  r.ref.name.startsWith("system:") ||
  r.meta.labels["kubernetes.io/bootstrapping"] === "rbac-defaults" ||
  (r.ref.kind === "ClusterRole" && USER_FACING_DEFAULTS.has(r.ref.name));

export function describeSubject(s: Subject): string {
  return s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

export function describeRule(r: PolicyRule): string {
  const names = r.resourceNames?.length ? ` (only ${r.resourceNames.join(", ")})` : "";
  return `[${r.verbs.join(",")}] on [${r.resources.join(",") || r.nonResourceURLs?.join(",")}] in groups [${r.apiGroups.map((g) => g || '""').join(",")}]${names}`;
}

export function describeBinding(g: Grant): string {
  const where = g.binding.ref.namespace ? ` in namespace ${g.binding.ref.namespace}` : " cluster-wide";
  return `${g.binding.ref.kind} \`${g.binding.ref.name}\` (${g.binding.roleRef.kind} \`${g.roleName}\`)${where}`;
}
