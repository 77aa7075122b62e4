import { matchesSelector } from "@/lib/inventory/match-labels";

import { workloadCheck } from "../evaluate-workloads";

/** pod.no-disruption-budget: a replicated Deployment or StatefulSet has no PodDisruptionBudget. */
export const noDisruptionBudget = workloadCheck({
  id: "pod.no-disruption-budget",
  layer: "pod",
  severity: "low",
  title: "Replicated workloads without a PodDisruptionBudget",
  rationale:
    "Without a PodDisruptionBudget a node drain or upgrade may evict every replica at once. Availability is part of security: an upgrade that causes an outage is an upgrade teams postpone.",
  remediation:
    "```yaml\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: api\n```",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  requires: ["workloads", "podDisruptionBudgets"],
  inspectWorkloads: (inventory) => {
    const budgets = Map.groupBy(inventory.podDisruptionBudgets, (pdb) => pdb.ref.namespace);
    return {
      include: (w) => (w.ref.kind === "Deployment" || w.ref.kind === "StatefulSet") && (w.replicas ?? 1) > 1,
      inspect: (w, found) => {
        const covered = budgets.get(w.ref.namespace)?.some((pdb) => matchesSelector(pdb.selector, w.podMeta.labels));
        if (!covered) found(`${w.replicas} replicas and no PodDisruptionBudget selects its pods`);
      },
    };
  },
});
