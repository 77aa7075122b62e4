import type { ApiKind } from "./api-kinds";
import type { ApiObject } from "./types";

type Rule = {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};
type Binding = ApiObject & {
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string }[];
};

/** Who an unauthenticated request is, as the API server names it when anonymous auth is on. */
export const ANONYMOUS = { user: "system:anonymous", groups: ["system:unauthenticated"] };

/** Paths the default bootstrap policy (system:public-info-viewer) opens to everyone. */
const PUBLIC_INFO = new Set(["/version", "/healthz", "/livez", "/readyz"]);

const has = (list: string[] | undefined, value: string) => (list ?? []).includes(value) || (list ?? []).includes("*");
const urlMatches = (urls: string[] | undefined, path: string) =>
  (urls ?? []).some((u) => u === path || u === "*" || (u.endsWith("*") && path.startsWith(u.slice(0, -1))));

/** A request to authorise: a list of a resource kind (in a namespace or cluster-wide), or a non-resource path. */
export type AnonymousRequest = { kind: ApiKind; namespace?: string } | { path: string };

/**
 * RBAC as the API server applies it to an anonymous request: allowed when a ClusterRoleBinding,
 * or a RoleBinding in the request's namespace, binds system:anonymous or system:unauthenticated
 * to a role whose rules allow the verb. Only what the fixture's objects grant, plus public info.
 */
export function anonymousAllowed(objects: readonly ApiObject[], request: AnonymousRequest): boolean {
  if ("path" in request && PUBLIC_INFO.has(request.path)) return true;
  const rbac = (kind: string) =>
    objects.filter((o) => o.kind === kind && o.apiVersion.startsWith("rbac.authorization.k8s.io/"));
  const isAnonymous = (b: Binding) =>
    (b.subjects ?? []).some(
      (s) =>
        (s.kind === "User" && s.name === ANONYMOUS.user) ||
        (s.kind === "Group" && ANONYMOUS.groups.includes(s.name ?? "")),
    );
  const namespace = "kind" in request ? request.namespace : undefined;
  const bindings = [
    ...rbac("ClusterRoleBinding"),
    ...rbac("RoleBinding").filter((b) => namespace !== undefined && b.metadata.namespace === namespace),
  ] as Binding[];
  const rules = bindings.filter(isAnonymous).flatMap((b) => {
    const ref = b.roleRef ?? {};
    const role =
      ref.kind === "Role"
        ? rbac("Role").find((r) => r.metadata.name === ref.name && r.metadata.namespace === b.metadata.namespace)
        : rbac("ClusterRole").find((r) => r.metadata.name === ref.name);
    return (role?.rules as Rule[] | undefined) ?? [];
  });
  if ("path" in request) return rules.some((r) => has(r.verbs, "get") && urlMatches(r.nonResourceURLs, request.path));
  return rules.some(
    (r) =>
      !r.nonResourceURLs &&
      !r.resourceNames?.length &&
      has(r.verbs, "list") &&
      has(r.apiGroups, request.kind.group) &&
      has(r.resources, request.kind.plural),
  );
}
