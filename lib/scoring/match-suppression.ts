import type { Finding } from "@/lib/checks/types";

/** An accepted risk's match rule: a check in a cluster, optionally one namespace, optionally one resource ("Kind/name"). */
export type SuppressionRule = { id: string; checkId: string; namespace: string | null; resourcePattern: string | null };

export const resourcePatternOf = (kind: string, name: string) => `${kind}/${name}`;

/**
 * Whether a finding of `checkId` falls under a rule. Only rules stored in Bulwark count:
 * nothing in the cluster (annotations, labels) can exempt a resource, because whoever can
 * edit a workload could then exempt it.
 */
export function matchesRule(
  rule: SuppressionRule,
  checkId: string,
  namespace: string,
  kind: string,
  name: string,
): boolean {
  return (
    rule.checkId === checkId &&
    (rule.namespace === null || rule.namespace === namespace) &&
    (rule.resourcePattern === null || rule.resourcePattern === resourcePatternOf(kind, name))
  );
}

/** A predicate for scoring: is this finding covered by one of the cluster's active rules? */
export function suppressionPredicate(rules: SuppressionRule[]): (f: Pick<Finding, "checkId" | "resource">) => boolean {
  if (rules.length === 0) return () => false;
  const byCheck = new Map<string, SuppressionRule[]>();
  for (const r of rules) byCheck.set(r.checkId, [...(byCheck.get(r.checkId) ?? []), r]);
  return (f) => {
    const candidates = byCheck.get(f.checkId);
    return !!candidates?.some((r) => matchesRule(r, f.checkId, f.resource.namespace, f.resource.kind, f.resource.name));
  };
}
