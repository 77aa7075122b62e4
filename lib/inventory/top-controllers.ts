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
