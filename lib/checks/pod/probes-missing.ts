import { workloadCheck } from "../evaluate-workloads";

const LONG_RUNNING = new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"]);

/** pod.probes-missing: a long-running container has neither a readiness nor a liveness probe. */
export const probesMissing = workloadCheck({
  id: "pod.probes-missing",
  layer: "pod",
  severity: "low",
  title: "Long-running containers without health probes",
  rationale:
    "Without readiness or liveness probes Kubernetes sends traffic to containers that are not ready and keeps hung ones running, so failures, including the effects of an attack, go unnoticed.",
  remediation: "```yaml\nreadinessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n```",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    include: (w) => LONG_RUNNING.has(w.ref.kind),
    inspect: (w, found) => {
      for (const c of w.spec.containers ?? []) {
        if (!c.readinessProbe && !c.livenessProbe) found(`container \`${c.name}\` has no readiness or liveness probe`, c.name);
      }
    },
  }),
});
