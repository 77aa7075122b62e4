import type { Service } from "@/lib/inventory/cluster-types";
import type { Container, Probe } from "@/lib/inventory/pod-spec";
import type { Inventory, Workload } from "@/lib/inventory/types";

import { workloadCheck } from "../evaluate-workloads";

const LONG_RUNNING = new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"]);
const isLongRunning = (w: Workload) => LONG_RUNNING.has(w.ref.kind);

/** The Services whose selector picks the workload's pods, grouped once per run. */
function servicesOf(inventory: Inventory): (w: Workload) => Service[] {
  const byNamespace = Map.groupBy(
    inventory.services.filter((s) => Object.keys(s.selector).length > 0),
    (s) => s.ref.namespace,
  );
  return (w) =>
    (byNamespace.get(w.ref.namespace) ?? []).filter((s) =>
      Object.entries(s.selector).every(([k, v]) => w.podMeta.labels[k] === v),
    );
}

/** The containers that receive a Service's traffic: those exposing one of its target ports, or every container when none declares one. */
function servingContainers(containers: Container[], services: Service[]): Container[] {
  const targets = new Set(services.flatMap((s) => s.ports.map((p) => p.targetPort ?? p.port)));
  const serving = containers.filter((c) =>
    (c.ports ?? []).some(
      (p) => targets.has(p.containerPort as number) || (p.name !== undefined && targets.has(p.name)),
    ),
  );
  return serving.length ? serving : containers;
}

const names = (services: Service[]) => services.map((s) => `\`${s.ref.name}\``).join(", ");

/** pod.probes-missing: a long-running container that no Service sends traffic to has neither a readiness nor a liveness probe. */
export const probesMissing = workloadCheck({
  id: "pod.probes-missing",
  layer: "pod",
  severity: "low",
  title: "Long-running containers without health probes",
  rationale:
    "Without readiness or liveness probes Kubernetes sends traffic to containers that are not ready and keeps hung ones running, so failures, including the effects of an attack, go unnoticed. " +
    "Workloads behind a Service are judged by pod.readiness-probe-missing instead, so one missing probe gives one finding. Same in both modes.",
  remediation: "```yaml\nlivenessProbe:\n  httpGet:\n    path: /livez\n    port: 8080\n```",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  requires: ["workloads", "services"],
  inspectWorkloads: (inventory) => {
    const services = servicesOf(inventory);
    return {
      include: (w) => isLongRunning(w) && services(w).length === 0,
      inspect: (w, found) => {
        for (const c of w.spec.containers ?? []) {
          if (!c.readinessProbe && !c.livenessProbe)
            found(`container \`${c.name}\` has no readiness or liveness probe`, c.name);
        }
      },
    };
  },
});

/** pod.readiness-probe-missing: a container that receives a Service's traffic has no readiness probe. */
export const readinessProbeMissing = workloadCheck({
  id: "pod.readiness-probe-missing",
  layer: "pod",
  severity: "medium",
  title: "Containers behind a Service without a readiness probe",
  rationale:
    "A container without a readiness probe counts as ready the moment it starts, so the Service sends it requests while it is still starting, and keeps sending them when it can no longer answer. " +
    "A liveness probe does not replace it: liveness restarts, readiness takes out of rotation. Judged the same from manifests and from a cluster (the Services are in both).",
  remediation: "```yaml\nreadinessProbe:\n  httpGet:\n    path: /readyz\n    port: 8080\n  periodSeconds: 5\n```",
  references: ["https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/"],
  requires: ["workloads", "services"],
  inspectWorkloads: (inventory) => {
    const services = servicesOf(inventory);
    // include and inspect ask about the same workload in turn: match its Services once.
    let last: { w: Workload; behind: Service[] } | undefined;
    const behindOf = (w: Workload) => (last?.w === w ? last.behind : (last = { w, behind: services(w) }).behind);
    return {
      include: (w) => isLongRunning(w) && behindOf(w).length > 0,
      inspect: (w, found) => {
        const behind = behindOf(w);
        for (const c of servingContainers(w.spec.containers ?? [], behind)) {
          if (!c.readinessProbe)
            found(
              `container \`${c.name}\` receives traffic from Service ${names(behind)} but has no readiness probe`,
              c.name,
            );
        }
      },
    };
  },
});

/** What a probe checks, without its timings: two probes with the same key ask the same question. */
function handlerKey(p: Probe): string {
  return JSON.stringify([
    p.httpGet?.host,
    p.httpGet?.port,
    p.httpGet?.path,
    p.httpGet?.queryDigest,
    p.tcpSocket?.host,
    p.tcpSocket?.port,
    p.exec?.commandDigest,
    p.grpc?.port,
    p.grpc?.service,
    !!p.httpGet,
    !!p.tcpSocket,
    !!p.exec,
    !!p.grpc,
  ]);
}

/** pod.probes-identical: liveness and readiness probes ask the same thing. */
export const probesIdentical = workloadCheck({
  id: "pod.probes-identical",
  layer: "pod",
  severity: "low",
  title: "Identical liveness and readiness probes",
  rationale:
    "Readiness should fail when the container cannot serve (a dependency is slow); liveness only when it is stuck for good. With the same check for both, a slow database makes the kubelet restart every replica at once instead of waiting, turning a slowdown into an outage. " +
    "Probes are compared by what they check (handler, port, path, command), not by their timings. Same in both modes.",
  remediation:
    "Give liveness a cheap check of the process itself and readiness the check of what it needs to serve:\n```yaml\nlivenessProbe:\n  httpGet: { path: /livez, port: 8080 }\nreadinessProbe:\n  httpGet: { path: /readyz, port: 8080 }\n```",
  references: ["https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/"],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    include: isLongRunning,
    inspect: (w, found) => {
      for (const c of w.spec.containers ?? []) {
        if (c.livenessProbe && c.readinessProbe && handlerKey(c.livenessProbe) === handlerKey(c.readinessProbe)) {
          found(`container \`${c.name}\` uses the same check for its liveness and readiness probes`, c.name);
        }
      }
    },
  }),
});
