import type { Service } from "@/lib/inventory/cluster-types";
import { matchesSelector } from "@/lib/inventory/match-labels";
import { CLUSTER_REF as CLUSTER, type Inventory, type ResourceRef } from "@/lib/inventory/types";
import { classifyAddress } from "@/lib/net/classify-address";

import { describeRef } from "../evaluate-workloads";
import { isSystemNamespace } from "../settings";
import type { Check, Evaluation } from "../types";

/** Admin UIs recognised by image; ports that are admin interfaces whatever serves them. */
const ADMIN_IMAGES: { name: string; pattern: RegExp }[] = [
  { name: "Kubernetes Dashboard", pattern: /kubernetesui\/dashboard|kubernetes-dashboard/ },
  { name: "Jupyter", pattern: /jupyter/ },
  { name: "Prometheus", pattern: /prometheus\/prometheus|prom\/prometheus/ },
  { name: "Alertmanager", pattern: /prometheus\/alertmanager|prom\/alertmanager/ },
  { name: "Grafana", pattern: /grafana\/grafana/ },
  { name: "Kibana", pattern: /kibana/ },
  { name: "Argo CD", pattern: /argoproj\/argocd|argocd/ },
  { name: "Argo Workflows", pattern: /argoproj\/argocli|argo-server/ },
  { name: "Kubeflow", pattern: /kubeflow/ },
  { name: "etcd", pattern: /(^|\/)etcd[:@]|coreos\/etcd/ },
];
const ADMIN_PORTS: Record<number, string> = {
  2379: "etcd client API",
  2380: "etcd peer API",
  10250: "kubelet API",
  10255: "kubelet read-only API",
};

function dashboardIn(inventory: Inventory) {
  return inventory.workloads.filter((w) =>
    (w.spec.containers ?? []).some((c) => ADMIN_IMAGES[0]!.pattern.test(c.image ?? "")),
  );
}

/** What admin UI a Service leads to (by the images behind it, or its ports), if any. */
export function adminBehind(inventory: Inventory, svc: Service): string | undefined {
  const port = svc.ports.find(
    (p) => ADMIN_PORTS[p.port] || (typeof p.targetPort === "number" && ADMIN_PORTS[p.targetPort]),
  );
  if (port) return ADMIN_PORTS[port.port] ?? ADMIN_PORTS[port.targetPort as number];
  if (Object.keys(svc.selector).length === 0) return undefined;
  for (const w of inventory.workloads) {
    if (w.ref.namespace !== svc.ref.namespace || !matchesSelector({ matchLabels: svc.selector }, w.podMeta.labels))
      continue;
    for (const c of w.spec.containers ?? []) {
      const hit = ADMIN_IMAGES.find((a) => a.pattern.test(c.image ?? ""));
      if (hit) return hit.name;
    }
  }
  return undefined;
}

function exposureOf(svc: Service): string | undefined {
  if (svc.type === "LoadBalancer") return "a LoadBalancer Service";
  if (svc.type === "NodePort") return "a NodePort Service";
  if (svc.externalIPs.length) return `externalIPs (${svc.externalIPs.join(", ")})`;
  return undefined;
}

export const sensitiveUiExposed = {
  id: "network.sensitive-ui-exposed",
  layer: "network",
  severity: "critical",
  title: "Admin interfaces reachable from outside the cluster",
  rationale:
    "Exposed Kubernetes Dashboards, Jupyter notebooks, Kubeflow, Argo and monitoring consoles have been found by scanners within hours and used to run cryptominers and steal credentials. They were never meant to face the internet.",
  remediation:
    "Make the Service ClusterIP and reach the UI through `kubectl port-forward`, a VPN, or an authenticating proxy (OAuth2 Proxy, an identity-aware proxy) in front of the Ingress.",
  references: [
    "NSA/CISA Kubernetes Hardening Guide: protecting dashboards",
    "https://www.microsoft.com/en-us/security/blog/2021/06/10/cryptojacking-attacks-on-kubeflow/",
  ],
  requires: ["services", "ingresses", "workloads"],
  evaluate: (inventory) => {
    const evaluated: ResourceRef[] = [];
    const findings: Extract<Evaluation, { status: "evaluated" }>["findings"] = [];
    const services = new Map(inventory.services.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s]));
    for (const svc of inventory.services) {
      const how = exposureOf(svc);
      if (!how) continue;
      evaluated.push(svc.ref);
      const ui = adminBehind(inventory, svc);
      if (ui)
        findings.push({ resource: svc.ref, message: `${ui} is reachable from outside the cluster through ${how}` });
    }
    for (const ing of inventory.ingresses) {
      evaluated.push(ing.ref);
      const uis = [
        ...new Set(
          ing.backends
            .map((b) => services.get(`${ing.ref.namespace}/${b.service}`))
            .flatMap((s) => (s ? [adminBehind(inventory, s)] : []))
            .filter(Boolean),
        ),
      ];
      if (uis.length)
        findings.push({
          resource: ing.ref,
          message: `${uis.join(", ")} is reachable through Ingress hosts ${ing.hosts.join(", ")}`,
        });
    }
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;

export const kubernetesDashboardInstalled = {
  id: "network.kubernetes-dashboard-installed",
  layer: "network",
  severity: "medium",
  title: "Kubernetes Dashboard installed",
  rationale:
    "The Kubernetes Dashboard is a frequent target: it is often deployed with a powerful service account, and any path that reaches it reaches the cluster.",
  remediation:
    "Remove the Dashboard, or keep it ClusterIP-only behind authentication with a service account limited to what its users need.",
  references: ["NSA/CISA Kubernetes Hardening Guide: protecting dashboards"],
  requires: ["workloads"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: [CLUSTER],
    findings: dashboardIn(inventory).map((w) => ({
      resource: CLUSTER,
      message: `${describeRef(w.ref)} runs the Kubernetes Dashboard`,
    })),
  }),
} as const satisfies Check;

export const apiServerPublic = {
  id: "network.api-server-public",
  layer: "network",
  severity: "high",
  title: "API server on a public address",
  rationale:
    "A public API endpoint is probed continuously; a leaked token, an unpatched API server or an anonymous-auth mistake is then exploitable from anywhere.",
  remediation:
    "Use a private endpoint (private cluster, EKS private endpoint access) or restrict the public endpoint to known networks (authorized networks, EKS public access CIDRs).",
  references: ["NSA/CISA Kubernetes Hardening Guide: control plane hardening"],
  requires: ["version"],
  evaluate: (inventory) => {
    if (!inventory.apiServer) return { status: "not-evaluated", reason: "the API endpoint is not known" };
    const publicAddresses = inventory.apiServer.addresses.filter((a) => classifyAddress(a) === "public");
    return {
      status: "evaluated",
      evaluated: [CLUSTER],
      findings: publicAddresses.length
        ? [
            {
              resource: CLUSTER,
              message: `the API server ${inventory.apiServer.host} resolves to public address ${publicAddresses.join(", ")}`,
            },
          ]
        : [],
    };
  },
} as const satisfies Check;

export const mtlsNotEnforced = {
  id: "network.mtls-not-enforced",
  layer: "network",
  severity: "medium",
  title: "Service mesh without strict mutual TLS",
  rationale:
    "A mesh in permissive mode still accepts plain-text traffic, so a compromised pod can talk to, and impersonate, services that believe the mesh authenticates their peers.",
  remediation:
    "```yaml\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system   # mesh-wide\nspec:\n  mtls:\n    mode: STRICT\n```",
  references: [
    "NSA/CISA Kubernetes Hardening Guide: service mesh",
    "https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/",
  ],
  requires: ["namespaces", "workloads", "peerAuthentications"],
  evaluate: (inventory, ctx) => {
    const hasIstio =
      inventory.peerAuthentications.length > 0 || inventory.namespaces.some((n) => n.ref.name === "istio-system");
    if (!hasIstio) return { status: "evaluated", evaluated: [], findings: [] };
    const meshWide = inventory.peerAuthentications.find((p) => p.ref.namespace === "istio-system" && !p.selector);
    const withPods = new Set(inventory.workloads.map((w) => w.ref.namespace));
    const namespaces = inventory.namespaces.filter(
      (n) => withPods.has(n.ref.name) && !isSystemNamespace(ctx.settings, n.ref.name) && n.ref.name !== "istio-system",
    );
    return {
      status: "evaluated",
      evaluated: namespaces.map((n) => n.ref),
      findings: namespaces.flatMap((n) => {
        const own = inventory.peerAuthentications.find((p) => p.ref.namespace === n.ref.name && !p.selector);
        const mode = own?.mtlsMode ?? meshWide?.mtlsMode ?? "PERMISSIVE";
        return mode === "STRICT"
          ? []
          : [
              {
                resource: n.ref,
                message: `namespace \`${n.ref.name}\` accepts plain-text traffic (mTLS mode ${mode})`,
              },
            ];
      }),
    };
  },
} as const satisfies Check;
