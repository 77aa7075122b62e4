import { matchesSelector } from "@/lib/inventory/match-labels";
import type { HorizontalPodAutoscaler, PodDisruptionBudget, Workload } from "@/lib/inventory/types";

import type { Check } from "../types";

type Findings = { resource: PodDisruptionBudget["ref"]; message: string }[];

/** A count or percentage of `total`, rounded up as the disruption controller rounds it. */
function scaled(value: number | string, total: number): number | undefined {
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value.trim());
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

const isZero = (v: number | string) => /^0+%?$/.test(String(v).trim());

const targetKey = (namespace: string, kind: string, name: string) => `${namespace}/${kind}/${name}`;

/** The fewest pods the workload may run: the HPA's floor when one scales it, else its replicas. */
function floorOf(w: Workload, hpas: Map<string, HorizontalPodAutoscaler>): { count: number; what: string } | undefined {
  const hpa = hpas.get(targetKey(w.ref.namespace, w.ref.kind, w.ref.name));
  if (hpa)
    return {
      count: hpa.minReplicas,
      what: `the minReplicas (${hpa.minReplicas}) of HorizontalPodAutoscaler \`${hpa.ref.name}\``,
    };
  return w.replicas === undefined
    ? undefined
    : {
        count: w.replicas,
        what: `the ${w.replicas} replica${w.replicas === 1 ? "" : "s"} of ${w.ref.kind} \`${w.ref.name}\``,
      };
}

/** Why a budget cannot work, or undefined when it allows some disruption and guarantees some availability. */
function problemOf(
  pdb: PodDisruptionBudget,
  workloads: readonly Workload[],
  hpas: Map<string, HorizontalPodAutoscaler>,
): string | undefined {
  if (pdb.minAvailable === undefined && pdb.maxUnavailable === undefined)
    return "sets neither minAvailable nor maxUnavailable, so it lets every pod be evicted at once";
  if (pdb.maxUnavailable !== undefined && isZero(pdb.maxUnavailable))
    return `sets maxUnavailable: ${pdb.maxUnavailable}, so no pod can ever be evicted and node drains hang`;
  if (pdb.minAvailable === undefined) return undefined;
  for (const w of workloads) {
    if (!matchesSelector(pdb.selector, w.podMeta.labels)) continue;
    const floor = floorOf(w, hpas);
    const required = floor && scaled(pdb.minAvailable, floor.count);
    if (floor && required !== undefined && required >= floor.count) {
      return `requires minAvailable: ${pdb.minAvailable}, not fewer than ${floor.what}, so ${floor.what.startsWith("the minReplicas") ? "at that scale " : ""}no pod can be evicted and node drains hang`;
    }
  }
  return undefined;
}

/** pod.disruption-budget-misconfigured: a PodDisruptionBudget that blocks every eviction, or that guarantees nothing. */
export const disruptionBudgetMisconfigured = {
  id: "pod.disruption-budget-misconfigured",
  layer: "pod",
  severity: "medium",
  title: "PodDisruptionBudgets that block drains or protect nothing",
  rationale:
    "A budget that allows no disruption (maxUnavailable 0, or minAvailable not below the replicas, or below an autoscaler's floor) makes every node drain hang, so node upgrades and security patches stall until someone deletes the budget by hand. " +
    "A budget with neither minAvailable nor maxUnavailable looks like protection and gives none. Judged the same in both modes, from the budget, the workloads it selects and their HorizontalPodAutoscalers.",
  remediation:
    "Leave room for one eviction:\n```yaml\nspec:\n  maxUnavailable: 1   # or minAvailable below the replicas (the HPA's minReplicas when autoscaled)\n```",
  references: [
    "https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions",
  ],
  requires: ["podDisruptionBudgets", "workloads", "horizontalPodAutoscalers"],
  evaluate: (inventory) => {
    const findings: Findings = [];
    const byNamespace = Map.groupBy(inventory.workloads, (w) => w.ref.namespace);
    const hpas = new Map(
      inventory.horizontalPodAutoscalers.map((h) => [targetKey(h.ref.namespace, h.target.kind, h.target.name), h]),
    );
    for (const pdb of inventory.podDisruptionBudgets) {
      const problem = problemOf(pdb, byNamespace.get(pdb.ref.namespace) ?? [], hpas);
      if (problem) findings.push({ resource: pdb.ref, message: problem });
    }
    return { status: "evaluated", evaluated: inventory.podDisruptionBudgets.map((p) => p.ref), findings };
  },
} as const satisfies Check;
