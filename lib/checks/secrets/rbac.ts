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
function rulesOf(role: Role, clusterRoles: Role[]): PolicyRule[] {
  if (!role.aggregationSelectors?.length) return role.rules;
  const aggregated = clusterRoles.filter((r) => r !== role && role.aggregationSelectors!.some((sel) => matchesSelector(sel, r.meta.labels)));
  return [...role.rules, ...aggregated.flatMap((r) => r.rules)];
}

/** Every (subject, binding, rule) triple: the effective permissions of each subject. */
export function effectiveGrants(inventory: Inventory): Grant[] {
  const clusterRoles = inventory.roles.filter((r) => r.ref.kind === "ClusterRole");
  const byKey = new Map(inventory.roles.map((r) => [`${r.ref.kind}/${r.ref.namespace}/${r.ref.name}`, r]));
  const grants: Grant[] = [];
  for (const binding of inventory.roleBindings) {
    const ns = binding.roleRef.kind === "Role" ? binding.ref.namespace : "";
    const role = byKey.get(`${binding.roleRef.kind}/${ns}/${binding.roleRef.name}`);
    const rules = role ? rulesOf(role, clusterRoles) : [];
    for (const subject of binding.subjects) for (const rule of rules) grants.push({ subject, binding, roleName: binding.roleRef.name, rule });
  }
  return grants;
}

const has = (list: string[], value: string) => list.includes("*") || list.includes(value);

/** Whether a rule allows `verb` on `resource` (may be "pods/exec") in API group `group`. */
export function allows(rule: PolicyRule, verb: string, group: string, resource: string): boolean {
  return has(rule.verbs, verb) && has(rule.apiGroups, group) && (has(rule.resources, resource) || rule.resources.includes(`${resource.split("/")[0]}/*`));
}

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
