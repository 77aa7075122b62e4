import type { Inventory, ResourceRef } from "@/lib/inventory/types";

import { describeRef } from "../evaluate-workloads";
import type { Check, CheckContext, Evaluation } from "../types";

function serviceTypeCheck(type: "LoadBalancer" | "NodePort") {
  return (inventory: Inventory, ctx: CheckContext): Evaluation => {
    const evaluated: ResourceRef[] = inventory.services.map((s) => s.ref);
    const findings = inventory.services
      .filter((s) => s.type === type && !ctx.settings.ingressNamespaces.includes(s.ref.namespace))
      .map((s) => ({
        resource: s.ref,
        message: `${describeRef(s.ref)} is of type ${type} outside the ingress namespaces (${ctx.settings.ingressNamespaces.join(", ")})`,
      }));
    return { status: "evaluated", evaluated, findings };
  };
}

export const serviceLoadBalancer = {
  id: "network.service-loadbalancer",
  layer: "network",
  severity: "medium",
  title: "LoadBalancer Services outside the ingress namespaces",
  rationale:
    "Each LoadBalancer Service opens its own path from outside the cluster, bypassing the ingress controller's TLS, authentication and logging.",
  remediation:
    "Route the workload through the ingress controller (an Ingress or Gateway route) and make the Service ClusterIP, or add the namespace to the allowed ingress namespaces if it hosts a gateway.",
  references: ["NSA/CISA Kubernetes Hardening Guide: network separation"],
  requires: ["services"],
  evaluate: serviceTypeCheck("LoadBalancer"),
} as const satisfies Check;

export const serviceNodePort = {
  id: "network.service-nodeport",
  layer: "network",
  severity: "medium",
  title: "NodePort Services outside the ingress namespaces",
  rationale:
    "A NodePort opens the same port on every node's interfaces, reachable by anything that can reach a node, and bypasses ingress controls.",
  remediation: "Use ClusterIP behind the ingress controller instead.",
  references: ["NSA/CISA Kubernetes Hardening Guide: network separation"],
  requires: ["services"],
  evaluate: serviceTypeCheck("NodePort"),
} as const satisfies Check;

export const serviceExternalIps = {
  id: "network.service-external-ips",
  layer: "network",
  severity: "high",
  title: "Services with externalIPs",
  rationale:
    "Anyone who can create a Service with externalIPs can intercept traffic to those addresses from the whole cluster (CVE-2020-8554), which is why admission controllers usually forbid it.",
  remediation:
    "Remove `spec.externalIPs`; use a LoadBalancer or Ingress, and deny externalIPs with the DenyServiceExternalIPs admission plugin or a policy.",
  references: ["CVE-2020-8554", "https://kubernetes.io/docs/concepts/services-networking/service/#external-ips"],
  requires: ["services"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: inventory.services.map((s) => s.ref),
    findings: inventory.services
      .filter((s) => s.externalIPs.length)
      .map((s) => ({ resource: s.ref, message: `${describeRef(s.ref)} sets externalIPs ${s.externalIPs.join(", ")}` })),
  }),
} as const satisfies Check;

const coveredBy = (host: string, tls: string[]) =>
  tls.some(
    (t) =>
      t === host || (t.startsWith("*.") && host.endsWith(t.slice(1)) && !host.slice(0, -t.length + 1).includes(".")),
  );

export const ingressNoTls = {
  id: "network.ingress-no-tls",
  layer: "network",
  severity: "medium",
  title: "Ingress hosts served without TLS",
  rationale: "Plain HTTP exposes sessions, credentials and data to anyone on the path, and lets them alter responses.",
  remediation:
    "```yaml\nspec:\n  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls   # e.g. issued by cert-manager\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: encryption in transit"],
  requires: ["ingresses"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: inventory.ingresses.map((i) => i.ref),
    findings: inventory.ingresses.flatMap((i) => {
      if (i.hasTlsWithoutHosts) return [];
      const bare = i.hosts.filter((h) => !coveredBy(h, i.tlsHosts));
      return bare.length
        ? [{ resource: i.ref, message: `${describeRef(i.ref)} serves ${bare.join(", ")} without TLS` }]
        : [];
    }),
  }),
} as const satisfies Check;
