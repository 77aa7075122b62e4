import type { ResourceRef, Workload } from "@/lib/inventory/types";

import {
  mitigatedSeverity,
  type Check,
  type CheckContext,
  type Evaluation,
  type Finding,
  type Found,
  type WorkloadInspector,
} from "./types";

export type FindingBase = Pick<Finding, "checkId" | "layer" | "severity">;
type Outcome = { evaluated: readonly ResourceRef[]; findings: Finding[] } | { error: string };

/**
 * Runs workload inspectors in one pass over the workloads: each workload is read once while it
 * is in cache, each finding is created once in its final form, and the inspectors that look at
 * every workload share one list of evaluated references. Findings come in workload order.
 */
export function inspectWorkloads(
  workloads: readonly Workload[],
  jobs: readonly { base: FindingBase; inspector: WorkloadInspector }[],
): Outcome[] {
  const everyRef = workloads.map((w) => w.ref);
  let resource: ResourceRef = everyRef[0]!;
  const runs = jobs.map(({ base, inspector }) => {
    const { checkId, layer, severity } = base;
    const findings: Finding[] = [];
    // Field by field, not by spread: this runs millions of times on a large cluster.
    const lowered = mitigatedSeverity(severity);
    const found: Found = (message, container, mitigated) => {
      const s = mitigated ? lowered : severity;
      findings.push(
        container === undefined
          ? { checkId, layer, severity: s, resource, message }
          : { checkId, layer, severity: s, resource, container, message },
      );
    };
    return {
      include: inspector.include,
      inspect: inspector.inspect,
      evaluated: inspector.include ? [] : everyRef,
      findings,
      found,
      error: undefined as string | undefined,
    };
  });
  for (const workload of workloads) {
    resource = workload.ref;
    for (const run of runs) {
      if (run.error !== undefined) continue;
      // A check that breaks on one object stops, and says where; the others go on.
      try {
        if (run.include) {
          if (!run.include(workload)) continue;
          (run.evaluated as ResourceRef[]).push(workload.ref);
        }
        run.inspect(workload, run.found);
      } catch (error) {
        run.error = `check failed on ${describeRef(workload.ref)}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }
  return runs.map(({ evaluated, findings, error }) => (error === undefined ? { evaluated, findings } : { error }));
}

/** One check's inspector on its own, as an Evaluation (findings without the check's own fields). */
export function evaluateWorkloads(
  check: Pick<Check, "id" | "layer" | "severity">,
  workloads: readonly Workload[],
  inspector: WorkloadInspector,
): Evaluation {
  const base = { checkId: check.id, layer: check.layer, severity: check.severity };
  const [outcome] = inspectWorkloads(workloads, [{ base, inspector }]) as [Outcome];
  if ("error" in outcome) return { status: "not-evaluated", reason: outcome.error };
  const { evaluated, findings } = outcome;
  return {
    status: "evaluated",
    evaluated,
    findings: findings.map(({ resource, container, message, severity }) => ({
      resource,
      ...(container === undefined ? {} : { container }),
      message,
      ...(severity === check.severity ? {} : { mitigated: true as const }),
    })),
  };
}

type WorkloadCheckDefinition = Omit<Check, "evaluate" | "inspectWorkloads"> & {
  inspectWorkloads: NonNullable<Check["inspectWorkloads"]>;
};

/** A check that judges each workload on its own; its `evaluate` runs the inspector alone. */
export function workloadCheck<const T extends WorkloadCheckDefinition>(definition: T): T & Check {
  return {
    ...definition,
    evaluate: (inventory, ctx: CheckContext) => {
      const inspector = definition.inspectWorkloads(inventory, ctx);
      return "status" in inspector ? inspector : evaluateWorkloads(definition, inventory.workloads, inspector);
    },
  };
}

/** "Deployment shop/api": how messages name an object. */
export function describeRef(ref: ResourceRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
