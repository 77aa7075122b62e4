import { classifyAddress } from "@/lib/net/classify-address";

import type { Check } from "../types";
import { detectProvider, managedReason } from "./detect-provider";

const CONTROL_PLANE_LABELS = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"];
const PRESSURE = ["MemoryPressure", "DiskPressure", "PIDPressure"];

export const publicIp = {
  id: "node.public-ip",
  layer: "node",
  severity: "high",
  title: "Nodes with public IP addresses",
  rationale:
    "A node with a public address exposes the kubelet, NodePorts and anything bound to the host network directly to the internet. Nodes belong on private networks behind load balancers.",
  remediation:
    "Put nodes in private subnets and expose workloads through load balancers or ingress; remove public addresses from node interfaces.",
  references: ["NSA/CISA Kubernetes Hardening Guide: network separation"],
  requires: ["nodes"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: inventory.nodes.map((n) => n.ref),
    findings: inventory.nodes.flatMap((n) =>
      n.addresses
        .filter((a) => a.type === "ExternalIP" && classifyAddress(a.address) === "public")
        .map((a) => ({ resource: n.ref, message: `node \`${n.ref.name}\` has the public address ${a.address}` })),
    ),
  }),
} as const satisfies Check;

export const controlPlaneSchedulable = {
  id: "node.control-plane-schedulable",
  layer: "node",
  severity: "medium",
  title: "Control-plane nodes accept workloads",
  rationale:
    "A control-plane node without a NoSchedule taint runs ordinary workloads next to etcd and the API server, so a compromised workload is one step from the cluster's secrets.",
  remediation:
    "Taint control-plane nodes: `kubectl taint nodes NODE node-role.kubernetes.io/control-plane=:NoSchedule`.",
  references: ["CIS Kubernetes Benchmark: control plane isolation"],
  requires: ["nodes"],
  evaluate: (inventory) => {
    const provider = detectProvider(inventory.nodes);
    if (provider) return { status: "not-applicable", reason: managedReason(provider) };
    const cp = inventory.nodes.filter((n) => CONTROL_PLANE_LABELS.some((l) => l in n.meta.labels));
    return {
      status: "evaluated",
      evaluated: cp.map((n) => n.ref),
      findings: cp
        .filter((n) => !n.taints.some((t) => t.effect === "NoSchedule" && CONTROL_PLANE_LABELS.includes(t.key)))
        .map((n) => ({ resource: n.ref, message: `control-plane node \`${n.ref.name}\` has no NoSchedule taint` })),
    };
  },
} as const satisfies Check;

export const notReady = {
  id: "node.not-ready",
  layer: "node",
  severity: "low",
  title: "Nodes not ready or under pressure",
  rationale:
    "Nodes that are not ready or under memory, disk or PID pressure evict pods and may miss security updates and agents; they are often the first sign of an attack's resource abuse.",
  remediation: "Investigate the node's conditions (`kubectl describe node`), free resources or replace the node.",
  references: ["https://kubernetes.io/docs/reference/node/node-status/#condition"],
  requires: ["nodes"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: inventory.nodes.map((n) => n.ref),
    findings: inventory.nodes.flatMap((n) => {
      const problems = n.conditions
        .filter((c) => (c.type === "Ready" ? c.status !== "True" : PRESSURE.includes(c.type) && c.status === "True"))
        .map((c) => (c.type === "Ready" ? "is not Ready" : `reports ${c.type}`));
      return problems.length ? [{ resource: n.ref, message: `node \`${n.ref.name}\` ${problems.join(" and ")}` }] : [];
    }),
  }),
} as const satisfies Check;
