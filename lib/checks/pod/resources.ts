import type { Container } from "@/lib/inventory/pod-spec";

import { workloadCheck } from "../evaluate-workloads";
import { allContainers, describeContainer } from "../pss/containers";
import type { WorkloadInspector } from "../types";

type Field = "limits" | "requests";

/** "CPU", "memory", "CPU or memory", or undefined when both are set. */
function missing(container: Container, field: Field): string | undefined {
  const values = container.resources?.[field];
  const cpu = values?.cpu === undefined || values.cpu === "";
  const memory = values?.memory === undefined || values.memory === "";
  return cpu && memory ? "CPU or memory" : cpu ? "CPU" : memory ? "memory" : undefined;
}

/** Regular and init containers: ephemeral containers cannot declare resources. */
function resourceCheck(field: Field): WorkloadInspector {
  const noun = field === "limits" ? "limit" : "request";
  return {
    inspect: (w, found) => {
      for (const t of allContainers(w.spec)) {
        const gaps = t.kind === "ephemeral container" ? undefined : missing(t.container, field);
        if (gaps) found(`${describeContainer(t)} has no ${gaps} ${noun}`, t.container.name);
      }
    },
  };
}

/** pod.resource-limits-missing: a container has no CPU or memory limit. */
export const resourceLimitsMissing = workloadCheck({
  id: "pod.resource-limits-missing",
  layer: "pod",
  severity: "medium",
  title: "Containers without CPU or memory limits",
  rationale:
    "A container without limits can take all of a node's memory or CPU, starving its neighbours; a compromised one can mine or flood at the node's full capacity. Limits also bound the damage of a memory leak.",
  remediation: "```yaml\nresources:\n  limits:\n    cpu: 500m\n    memory: 256Mi\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: resource policies"],
  requires: ["workloads"],
  inspectWorkloads: () => resourceCheck("limits"),
});

/** pod.resource-requests-missing: a container has no CPU or memory request. */
export const resourceRequestsMissing = workloadCheck({
  id: "pod.resource-requests-missing",
  layer: "pod",
  severity: "low",
  title: "Containers without CPU or memory requests",
  rationale:
    "Without requests the scheduler cannot place pods sensibly and they are the first to be evicted under pressure, which turns load into outages.",
  remediation: "```yaml\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n```",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  requires: ["workloads"],
  inspectWorkloads: () => resourceCheck("requests"),
});
