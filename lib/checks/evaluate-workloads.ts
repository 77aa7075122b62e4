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
    for (const f of inspect(workload)) findings.push({ resource: workload.ref, ...f });
  }
  return { status: "evaluated", evaluated, findings };
}

/** "Deployment shop/api": how messages name an object. */
export function describeRef(ref: ResourceRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
