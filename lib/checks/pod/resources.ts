import type { Container } from "@/lib/inventory/pod-spec";
import { describeContainer } from "../pss/containers";
import { evaluateWorkloads } from "../evaluate-workloads";
import type { Check } from "../types";

type Field = "limits" | "requests";

function missing(container: Container, field: Field): string[] {
  const values = container.resources?.[field] ?? {};
  return ["cpu", "memory"].filter((r) => values[r] === undefined || values[r] === "").map((r) => (r === "cpu" ? "CPU" : r));
}

/** Regular and init containers: ephemeral containers cannot declare resources. */
function resourceCheck(field: Field) {
  return (inventory: Parameters<Check["evaluate"]>[0]) =>
    evaluateWorkloads(inventory, (w) =>
      [
        ...(w.spec.containers ?? []).map((container) => ({ container, kind: "container" as const })),
        ...(w.spec.initContainers ?? []).map((container) => ({ container, kind: "init container" as const })),
      ].flatMap((tagged) => {
        const gaps = missing(tagged.container, field);
        return gaps.length ? [{ container: tagged.container.name, message: `${describeContainer(tagged)} has no ${gaps.join(" or ")} ${field === "limits" ? "limit" : "request"}` }] : [];
      }),
    );
}

/** pod.resource-limits-missing: a container has no CPU or memory limit. */
export const resourceLimitsMissing = {
  id: "pod.resource-limits-missing",
  layer: "pod",
  severity: "medium",
  title: "Containers without CPU or memory limits",
  rationale:
    "A container without limits can take all of a node's memory or CPU, starving its neighbours; a compromised one can mine or flood at the node's full capacity. Limits also bound the damage of a memory leak.",
  remediation: "```yaml\nresources:\n  limits:\n    cpu: 500m\n    memory: 256Mi\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: resource policies"],
  requires: ["workloads"],
  evaluate: resourceCheck("limits"),
} as const satisfies Check;

/** pod.resource-requests-missing: a container has no CPU or memory request. */
export const resourceRequestsMissing = {
  id: "pod.resource-requests-missing",
  layer: "pod",
  severity: "low",
  title: "Containers without CPU or memory requests",
  rationale:
    "Without requests the scheduler cannot place pods sensibly and they are the first to be evicted under pressure, which turns load into outages.",
  remediation: "```yaml\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n```",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  requires: ["workloads"],
  evaluate: resourceCheck("requests"),
} as const satisfies Check;
