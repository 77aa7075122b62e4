import type { ApiObject, FixtureCluster } from "../types";
import { container, kubeletConfig, meta, namespace, node, restrictedContext } from "./build";

export type SyntheticOptions = {
  nodes: number;
  pods: number;
  namespaces?: number;
  /** Pods per Deployment (through one ReplicaSet each). */
  podsPerDeployment?: number;
  /** Share of Deployments with risky settings (privileged, latest tag, no limits), 0–1. */
  misconfigured?: number;
};

/** A deterministic pseudo-random stream, so a size always yields the same cluster. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A synthetic cluster of any size: Deployments owning ReplicaSets owning Pods (as a real
 * controller manager creates them), spread over namespaces, with a configurable share of
 * misconfigured workloads.
 */
export function syntheticCluster({
  nodes,
  pods,
  namespaces = Math.max(1, Math.round(pods / 500)),
  podsPerDeployment = 5,
  misconfigured = 0.2,
}: SyntheticOptions): FixtureCluster {
  const random = rng(pods * 31 + nodes);
  const objects: ApiObject[] = [];
  const kubeletConfigs: FixtureCluster["kubeletConfigs"] = {};
  for (let i = 0; i < nodes; i++) {
    const name = `node-${i}`;
    objects.push(node(name, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`));
    kubeletConfigs[name] = kubeletConfig({ anonymous: random() < misconfigured / 10 });
  }
  for (let n = 0; n < namespaces; n++)
    objects.push(namespace(`ns-${n}`, random() < 0.5 ? { "pod-security.kubernetes.io/enforce": "baseline" } : {}));
  const deployments = Math.ceil(pods / podsPerDeployment);
  let podIndex = 0;
  for (let d = 0; d < deployments && podIndex < pods; d++) {
    const ns = `ns-${d % namespaces}`;
    const name = `app-${d}`;
    const risky = random() < misconfigured;
    const c = container("app", risky ? "nginx:latest" : `registry.example.com/team/${name}:1.${d % 10}.0`, {
      securityContext: risky ? { privileged: true } : restrictedContext,
      env: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "REGION", value: "eu-west-1" },
      ],
      ...(risky ? { resources: {} } : {}),
    });
    const labels = { "app.kubernetes.io/name": name, "pod-template-hash": "7d9f8c" };
    const template = {
      metadata: { labels },
      spec: { serviceAccountName: "default", containers: [c], volumes: [{ name: "tmp", emptyDir: {} }] },
    };
    const replicas = Math.min(podsPerDeployment, pods - podIndex);
    objects.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta(name, ns, { labels }),
      spec: { replicas, selector: { matchLabels: { "app.kubernetes.io/name": name } }, template },
    });
    const rs = `${name}-7d9f8c`;
    objects.push({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: meta(rs, ns, {
        labels,
        ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: `${ns}-${name}`, controller: true }],
      }),
      spec: { replicas, selector: { matchLabels: labels }, template },
    });
    for (let p = 0; p < replicas; p++, podIndex++) {
      objects.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: meta(`${rs}-${p.toString(36).padStart(5, "x")}`, ns, {
          labels,
          ownerReferences: [
            { apiVersion: "apps/v1", kind: "ReplicaSet", name: rs, uid: `${ns}-${rs}`, controller: true },
          ],
        }),
        spec: { ...template.spec, nodeName: `node-${podIndex % Math.max(1, nodes)}` },
        status: { phase: "Running", podIP: `10.244.${(podIndex >> 8) & 255}.${podIndex & 255}` },
      });
    }
  }
  return {
    name: `synthetic-${nodes}n-${pods}p`,
    version: { major: "1", minor: "37", gitVersion: "v1.37.1" },
    objects,
    kubeletConfigs,
  };
}
