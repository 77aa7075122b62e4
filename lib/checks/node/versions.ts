import { CLUSTER_REF as CLUSTER, type ResourceRef } from "@/lib/inventory/types";

import type { Check, Evaluation } from "../types";
import { KUBERNETES_EOL, lookupEol, OS_EOL, RUNTIME_EOL, type EolTable } from "./data/end-of-life";

/** "v1.29.4-eks-1a2b" → "1.29" */
export function minorOf(version: string): string | undefined {
  return /^v?(\d+\.\d+)/.exec(version)?.[1];
}

const tableSource = (t: EolTable) => `${t.source}, read ${t.readOn}`;

/** node.k8s-version-unsupported: the API server or a kubelet runs a minor past its end of life. */
export const k8sVersionUnsupported = {
  id: "node.k8s-version-unsupported",
  layer: "node",
  severity: "high",
  title: "Kubernetes versions past end of life",
  rationale:
    "A Kubernetes minor version past its end of life gets no security patches: every CVE published since stays open in the API server or kubelet. Upgrades also get harder the further behind a cluster falls.",
  remediation: "Upgrade the control plane, then the nodes, one minor version at a time to a supported release.",
  references: [
    "CIS Kubernetes Benchmark: keep Kubernetes up to date",
    "NSA/CISA Kubernetes Hardening Guide: upgrading and application security practices",
    KUBERNETES_EOL.source,
  ],
  requires: ["version", "nodes"],
  evaluate: (inventory, { now }) => {
    const evaluated: ResourceRef[] = [CLUSTER, ...inventory.nodes.map((n) => n.ref)];
    const findings: Extract<Evaluation, { status: "evaluated" }>["findings"] = [];
    const check = (ref: ResourceRef, what: string, version: string) => {
      const minor = minorOf(version);
      const eol = minor ? lookupEol(KUBERNETES_EOL, minor, now) : undefined;
      if (eol?.isPast)
        findings.push({
          resource: ref,
          message: `${what} runs ${version}: ${eol.name} reached end of life on ${eol.eol} (${tableSource(KUBERNETES_EOL)})`,
        });
    };
    if (inventory.version) check(CLUSTER, "the API server", inventory.version.gitVersion);
    for (const n of inventory.nodes) check(n.ref, `the kubelet on node \`${n.ref.name}\``, n.kubeletVersion);
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;

/** Kubelets may be up to three minors older than the API server, never newer (version skew policy). */
const MAX_KUBELET_SKEW = 3;

export const kubeletVersionSkew = {
  id: "node.kubelet-version-skew",
  layer: "node",
  severity: "medium",
  title: "Kubelets outside the supported version skew",
  rationale:
    "The upstream version skew policy supports kubelets at most three minor versions older than the API server and never newer. Outside it, API behaviour and security fixes are untested, and an upgrade is overdue.",
  remediation: "Upgrade (or replace) the nodes so every kubelet is within three minors of the API server.",
  references: ["https://kubernetes.io/releases/version-skew-policy/"],
  requires: ["version", "nodes"],
  evaluate: (inventory) => {
    const server = Number(minorOf(inventory.version?.gitVersion ?? "")?.split(".")[1]);
    return {
      status: "evaluated",
      evaluated: inventory.nodes.map((n) => n.ref),
      findings: inventory.nodes.flatMap((n) => {
        const kubelet = Number(minorOf(n.kubeletVersion)?.split(".")[1]);
        if (!Number.isFinite(server) || !Number.isFinite(kubelet)) return [];
        if (kubelet > server)
          return [
            {
              resource: n.ref,
              message: `kubelet ${n.kubeletVersion} is newer than the API server ${inventory.version?.gitVersion}`,
            },
          ];
        if (server - kubelet > MAX_KUBELET_SKEW)
          return [
            {
              resource: n.ref,
              message: `kubelet ${n.kubeletVersion} is ${server - kubelet} minors behind the API server ${inventory.version?.gitVersion} (at most ${MAX_KUBELET_SKEW} supported)`,
            },
          ];
        return [];
      }),
    };
  },
} as const satisfies Check;

function nodeEolCheck(
  table: EolTable,
  pick: (n: { containerRuntimeVersion: string; osImage: string }) => string,
  what: string,
) {
  return (inventory: Parameters<Check["evaluate"]>[0], now: Date): Evaluation => ({
    status: "evaluated",
    evaluated: inventory.nodes.map((n) => n.ref),
    findings: inventory.nodes.flatMap((n) => {
      const value = pick(n);
      const eol = lookupEol(table, value, now);
      return eol?.isPast
        ? [
            {
              resource: n.ref,
              message: `${what} ${value}: ${eol.name} reached end of life on ${eol.eol} (${tableSource(table)})`,
            },
          ]
        : [];
    }),
  });
}

export const containerRuntimeOutdated = {
  id: "node.container-runtime-outdated",
  layer: "node",
  severity: "medium",
  title: "Container runtimes past end of support",
  rationale:
    "The container runtime is what isolates containers from the node. A runtime past its support window gets no fixes for container-escape vulnerabilities such as those in runc and containerd.",
  remediation: "Upgrade the node image or the runtime package to a supported containerd or CRI-O release.",
  references: ["NSA/CISA Kubernetes Hardening Guide: upgrading", RUNTIME_EOL.source],
  requires: ["nodes"],
  evaluate: (inventory, { now }) =>
    nodeEolCheck(RUNTIME_EOL, (n) => n.containerRuntimeVersion, "runs container runtime")(inventory, now),
} as const satisfies Check;

export const osImageEol = {
  id: "node.os-image-eol",
  layer: "node",
  severity: "medium",
  title: "Node operating systems past end of life",
  rationale:
    "Kernel and userland vulnerabilities on the node are container-escape and lateral-movement paths. An operating system past its end of life no longer gets fixes for them.",
  remediation:
    "Move the nodes to a supported image (a current LTS release of the distribution, or the provider's current node image).",
  references: ["NSA/CISA Kubernetes Hardening Guide: upgrading", OS_EOL.source],
  requires: ["nodes"],
  evaluate: (inventory, { now }) => nodeEolCheck(OS_EOL, (n) => n.osImage, "runs")(inventory, now),
} as const satisfies Check;
