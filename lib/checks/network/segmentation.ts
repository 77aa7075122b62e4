import type { Inventory, ResourceRef, Workload } from "@/lib/inventory/types";

import { workloadCheck } from "../evaluate-workloads";
import { inAppNamespace, isSystemNamespace } from "../settings";
import type { Check, CheckContext, Evaluation } from "../types";
import {
  allowsAll,
  isolatingPolicies,
  metadataProvider,
  metadataReachability,
  POLICY_KINDS,
  selects,
  selectsWholeNamespace,
  worldCidr,
  type Direction,
} from "./policy-semantics";

const considered = `(policy kinds considered: ${POLICY_KINDS})`;

/** Namespaces that run workloads, except system ones, with their refs. */
function appNamespaces(inventory: Inventory, ctx: CheckContext): ResourceRef[] {
  const withPods = new Set(inventory.workloads.map((w) => w.ref.namespace));
  return inventory.namespaces
    .filter((ns) => withPods.has(ns.ref.name) && !isSystemNamespace(ctx.settings, ns.ref.name))
    .map((ns) => ns.ref);
}

export const namespaceNoPolicy = {
  id: "network.namespace-no-policy",
  layer: "network",
  severity: "high",
  title: "Namespaces without any network policy",
  rationale:
    "Kubernetes lets every pod talk to every other pod by default. A namespace without a single network policy has no segmentation at all: one compromised pod can reach every service in the cluster.",
  remediation: "Add a default-deny policy to the namespace, then allow the flows each workload needs.",
  references: ["CIS 5.3.2", "NSA/CISA Kubernetes Hardening Guide: network policies"],
  requires: ["namespaces", "workloads", "networkPolicies"],
  evaluate: (inventory, ctx) => {
    const evaluated = appNamespaces(inventory, ctx);
    const findings = evaluated
      .filter(
        (ns) =>
          !inventory.networkPolicies.some(
            (p) =>
              p.ref.namespace === ns.name ||
              inventory.workloads.some((w) => w.ref.namespace === ns.name && selects(p, w)),
          ),
      )
      .map((ns) => ({
        resource: ns,
        message: `namespace \`${ns.name}\` runs workloads but has no network policy ${considered}`,
      }));
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;

function defaultDeny(dir: Direction) {
  return (inventory: Inventory, ctx: CheckContext): Evaluation => {
    const evaluated = appNamespaces(inventory, ctx);
    const findings = evaluated
      .filter(
        (ns) => !inventory.networkPolicies.some((p) => selectsWholeNamespace(p, ns.name, dir) && !allowsAll(p, dir)),
      )
      .map((ns) => ({
        resource: ns,
        message: `namespace \`${ns.name}\` has no policy that selects all pods and denies ${dir.toLowerCase()} by default ${considered}`,
      }));
    return { status: "evaluated", evaluated, findings };
  };
}

export const noDefaultDenyIngress = {
  id: "network.no-default-deny-ingress",
  layer: "network",
  severity: "medium",
  title: "No default-deny ingress policy",
  rationale:
    "Without a namespace-wide default deny, every new workload starts reachable from everywhere until someone writes a policy for it. Default deny makes reachability an explicit decision.",
  remediation:
    "```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: network policies"],
  requires: ["namespaces", "workloads", "networkPolicies"],
  evaluate: defaultDeny("Ingress"),
} as const satisfies Check;

export const noDefaultDenyEgress = {
  id: "network.no-default-deny-egress",
  layer: "network",
  severity: "medium",
  title: "No default-deny egress policy",
  rationale:
    "Without egress restrictions a compromised pod can download tools, reach cloud metadata endpoints and exfiltrate data anywhere. Default-deny egress makes every outbound flow explicit. " +
    "Judged on the Namespace objects, so from manifests only when the scanned set contains them; each workload's own egress is network.pod-egress-unrestricted.",
  remediation:
    "```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-egress\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n```\nThen allow DNS and the destinations each workload needs.",
  references: ["NSA/CISA Kubernetes Hardening Guide: network policies"],
  requires: ["namespaces", "workloads", "networkPolicies"],
  evaluate: defaultDeny("Egress"),
} as const satisfies Check;

export const podIngressUnrestricted = workloadCheck({
  id: "network.pod-ingress-unrestricted",
  layer: "network",
  severity: "medium",
  title: "Workloads reachable from any pod",
  rationale:
    "A pod that no policy isolates for ingress, or whose policy allows all sources, accepts connections from every pod in the cluster, including compromised ones.",
  remediation: "Select the workload's pods with a policy that allows ingress only from the clients that need it.",
  references: ["NSA/CISA Kubernetes Hardening Guide: network policies"],
  requires: ["workloads", "networkPolicies"],
  inspectWorkloads: (inventory, ctx) => ({
    include: inAppNamespace(ctx.settings),
    inspect: (w, found) => {
      if (w.spec.hostNetwork) return found("uses the host network, which network policies do not govern");
      const policies = isolatingPolicies(inventory, w, "Ingress");
      if (policies.length === 0) return found(`no policy restricts ingress to its pods ${considered}`);
      const open = policies.find((p) => allowsAll(p, "Ingress"));
      if (open) found(`${open.ref.kind} \`${open.ref.name}\` allows ingress from every source`);
    },
  }),
});

export const podEgressUnrestricted = workloadCheck({
  id: "network.pod-egress-unrestricted",
  layer: "network",
  severity: "medium",
  title: "Workloads that can connect anywhere",
  rationale:
    "A pod that no policy isolates for egress, or whose policy allows every destination, can download tools, reach the cloud metadata endpoint and send data anywhere once compromised. " +
    "Judged per workload, from the policies that select it, so a manifests scan of an application reports it without the Namespace object; the namespace-wide default is network.no-default-deny-egress.",
  remediation:
    "Select the workload's pods with a policy that allows egress only to what they need (and DNS):\n```yaml\nspec:\n  podSelector:\n    matchLabels: { app: api }\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - podSelector:\n            matchLabels: { app: db }\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: network policies"],
  requires: ["workloads", "networkPolicies"],
  inspectWorkloads: (inventory, ctx) => ({
    include: inAppNamespace(ctx.settings),
    inspect: (w, found) => {
      const open = openEgress(inventory, w);
      if (open) found(open);
    },
  }),
});

/** Why the workload's egress is open (host network, no isolating policy, or a policy that allows every destination), or undefined. */
function openEgress(inventory: Inventory, w: Workload): string | undefined {
  if (w.spec.hostNetwork) return "uses the host network, which network policies do not govern";
  const policies = isolatingPolicies(inventory, w, "Egress");
  if (policies.length === 0) return `no policy restricts egress from its pods ${considered}`;
  const all = policies.find((p) => allowsAll(p, "Egress"));
  if (all) return `${all.ref.kind} \`${all.ref.name}\` allows egress to every destination`;
  for (const p of policies) {
    const cidr = worldCidr(p);
    if (cidr) return `${p.ref.kind} \`${p.ref.name}\` allows egress to ${cidr} on every port`;
  }
  return undefined;
}

export const metadataApiReachable = workloadCheck({
  id: "network.metadata-api-reachable",
  layer: "network",
  severity: "high",
  title: "Pods can reach the cloud metadata API",
  rationale:
    "The cloud metadata endpoint (169.254.169.254) hands out the node's cloud credentials. A pod that can reach it can often take over the node's cloud identity, as in several public breaches. " +
    "Evaluated only where the nodes show a cloud provider that serves one; from manifests, or on nodes that name no such cloud, it does not apply (left out of the score). " +
    "A pod with no egress isolation at all (or on the host network) is reported once, for that cause, by network.pod-egress-unrestricted (or pod.host-namespaces); this check reports the egress policies that still let the metadata address through.",
  remediation:
    "Where wide egress is needed, exclude the metadata address:\n```yaml\negress:\n  - to:\n      - ipBlock:\n          cidr: 0.0.0.0/0\n          except: [169.254.169.254/32]\n```\nOn the cloud side, require IMDSv2 with a hop limit of 1 (AWS) or use workload identity.",
  references: [
    "NSA/CISA Kubernetes Hardening Guide: network policies",
    "https://attack.mitre.org/techniques/T1552/005/",
  ],
  requires: ["workloads", "networkPolicies", "nodes"],
  inspectWorkloads: (inventory, ctx) => {
    const cloud = metadataProvider(inventory.nodes);
    if (!cloud)
      return {
        status: "not-applicable",
        reason: "no node reports a cloud provider that serves a metadata API (spec.providerID)",
      };
    return {
      // Open egress is one cause with one finding (network.pod-egress-unrestricted); this check names what is left: narrower policies that still let the address through.
      include: (w) => inAppNamespace(ctx.settings)(w) && !openEgress(inventory, w),
      inspect: (w, found) => {
        const why = metadataReachability(inventory, w);
        if (why) found(`can reach ${cloud}'s metadata API at 169.254.169.254: ${why}`);
      },
    };
  },
});
