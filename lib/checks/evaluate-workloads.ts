import type { Inventory, ResourceRef, Workload } from "@/lib/inventory/types";
import type { Evaluation, Finding } from "./types";

type WorkloadFinding = Omit<Finding, "checkId" | "layer" | "severity" | "resource">;

/** Runs `inspect` on every workload (optionally filtered) and collects an Evaluation. */
export function evaluateWorkloads(
  inventory: Inventory,
  inspect: (workload: Workload) => WorkloadFinding[],
  include: (workload: Workload) => boolean = () => true,
): Evaluation {
  const evaluated: ResourceRef[] = [];
  const findings: Extract<Evaluation, { status: "evaluated" }>["findings"] = [];
  for (const workload of inventory.workloads) {
    if (!include(workload)) continue;
    evaluated.push(workload.ref);
    // Built field by field: object spread after another property takes V8's slow generic path,
    // and this loop creates millions of findings on a large cluster.
    for (const f of inspect(workload)) {
      findings.push(f.container === undefined ? { resource: workload.ref, message: f.message } : { resource: workload.ref, container: f.container, message: f.message });
    }
  }
  return { status: "evaluated", evaluated, findings };
}

/** "Deployment shop/api": how messages name an object. */
export function describeRef(ref: ResourceRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
