import type { Workload } from "./types";

const key = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

/**
 * Keeps only top-level workloads: a pod or ReplicaSet whose controlling owner is also in the
 * list is dropped, so a Deployment's 50 pods give one finding on the Deployment, not 51. An
 * object whose owner was not collected (forbidden, or a custom controller) stays, so nothing
 * goes unchecked.
 */
export function keepTopControllers(workloads: Workload[]): Workload[] {
  const present = new Set(workloads.map((w) => key(w.ref.kind, w.ref.namespace, w.ref.name)));
  return workloads.filter((w) => {
    const owner = w.meta.ownerReferences?.find((o) => o.controller);
    return !owner || !present.has(key(owner.kind, w.ref.namespace, owner.name));
  });
}

/**
 * Splits off the top-level workloads whose controlling owner is of a kind that could not be
 * read: without their owner they would stand in for it under another name (a Deployment's
 * ReplicaSet), so their findings would look new while the owner's looked fixed.
 */
export function withoutOrphansOf(
  workloads: Workload[],
  unreadKinds: ReadonlySet<string>,
): { kept: Workload[]; held: Workload[] } {
  const kept: Workload[] = [];
  const held: Workload[] = [];
  for (const w of workloads) {
    const owner = w.meta.ownerReferences?.find((o) => o.controller);
    (owner && unreadKinds.has(owner.kind) ? held : kept).push(w);
  }
  return { kept, held };
}
