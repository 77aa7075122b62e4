import { workloadCheck } from "../evaluate-workloads";

/** pod.default-namespace: a workload runs in the `default` namespace. */
export const defaultNamespace = workloadCheck({
  id: "pod.default-namespace",
  layer: "pod",
  severity: "low",
  title: "Workloads in the default namespace",
  rationale:
    "The default namespace rarely has its own policies, quotas or RBAC; workloads there share it with whatever else lands there by accident, which makes isolation and ownership unclear.",
  remediation: "Create a namespace per application or team and deploy there (`metadata.namespace: shop`).",
  references: ["CIS 5.6.4"],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    inspect: (w, found) => {
      if (w.ref.namespace === "default") found("runs in the default namespace");
    },
  }),
});
