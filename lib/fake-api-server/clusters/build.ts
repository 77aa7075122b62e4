import type { ApiObject } from "../types";

/** Small builders for fixture objects, shaped exactly as the API server returns them. */
type Labels = Record<string, string>;
type ContainerSpec = Record<string, unknown> & { name: string; image: string };
const CREATED = "2025-09-01T08:00:00Z";

export const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `${namespace ?? "cluster"}-${name}`,
  creationTimestamp: CREATED,
  ...extra,
});

export function namespace(name: string, labels: Labels = {}): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: meta(name, undefined, { labels: { "kubernetes.io/metadata.name": name, ...labels } }),
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}

/** A container with sane defaults that individual fixtures then weaken or harden. */
export function container(name: string, image: string, extra: Record<string, unknown> = {}): ContainerSpec {
  return {
    name,
    image,
    ports: [{ containerPort: 8080, protocol: "TCP" }],
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    readinessProbe: { httpGet: { path: "/readyz", port: 8080 } },
    livenessProbe: { httpGet: { path: "/livez", port: 8080 } },
    ...extra,
  };
}

export const restrictedContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

type WorkloadOptions = {
  replicas?: number;
  podSpec?: Record<string, unknown>;
  labels?: Labels;
  annotations?: Labels;
  kind?: "Deployment" | "StatefulSet" | "DaemonSet";
};

export function workload(name: string, ns: string, containers: ContainerSpec[], opts: WorkloadOptions = {}): ApiObject {
  const kind = opts.kind ?? "Deployment";
  const labels = { "app.kubernetes.io/name": name, ...opts.labels };
  return {
    apiVersion: "apps/v1",
    kind,
    metadata: meta(name, ns, { labels }),
    spec: {
      ...(kind === "DaemonSet" ? {} : { replicas: opts.replicas ?? 2 }),
      selector: { matchLabels: { "app.kubernetes.io/name": name } },
      template: {
        metadata: { labels, ...(opts.annotations ? { annotations: opts.annotations } : {}) },
        spec: { serviceAccountName: name, containers, ...opts.podSpec },
      },
    },
  };
}

export function service(
  name: string,
  ns: string,
  type: string,
  port: number,
  extra: Record<string, unknown> = {},
): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta(name, ns),
    spec: {
      type,
      selector: { "app.kubernetes.io/name": name },
      ports: [
        {
          port,
          targetPort: port,
          protocol: "TCP",
          ...(type === "NodePort" || type === "LoadBalancer" ? { nodePort: 30000 + (port % 2000) } : {}),
        },
      ],
      ...extra,
    },
  };
}

export function serviceAccount(name: string, ns: string, automount?: boolean): ApiObject {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: meta(name, ns),
    ...(automount === undefined ? {} : { automountServiceAccountToken: automount }),
  };
}

type NodeOptions = {
  role?: "control-plane" | "worker";
  externalIP?: string;
  kubelet?: string;
  runtime?: string;
  osImage?: string;
  tainted?: boolean;
  ready?: boolean;
  providerID?: string;
  labels?: Labels;
};

export function node(name: string, internalIP: string, opts: NodeOptions = {}): ApiObject {
  const isCp = opts.role === "control-plane";
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(name, undefined, {
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(isCp ? { "node-role.kubernetes.io/control-plane": "" } : {}),
        ...opts.labels,
      },
    }),
    spec: {
      podCIDR: "10.244.0.0/24",
      ...(opts.providerID ? { providerID: opts.providerID } : {}),
      ...(isCp && opts.tainted !== false
        ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
        : {}),
    },
    status: {
      addresses: [
        { type: "InternalIP", address: internalIP },
        ...(opts.externalIP ? [{ type: "ExternalIP", address: opts.externalIP }] : []),
        { type: "Hostname", address: name },
      ],
      conditions: [
        { type: "Ready", status: opts.ready === false ? "False" : "True" },
        { type: "MemoryPressure", status: "False" },
        { type: "DiskPressure", status: "False" },
        { type: "PIDPressure", status: "False" },
      ],
      nodeInfo: {
        kubeletVersion: opts.kubelet ?? "v1.37.1",
        containerRuntimeVersion: opts.runtime ?? "containerd://2.2.1",
        osImage: opts.osImage ?? "Ubuntu 24.04.2 LTS",
        kernelVersion: "6.8.0-60-generic",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

export function kubeletConfig(
  overrides: { anonymous?: boolean; mode?: string; readOnlyPort?: number; rotate?: boolean } = {},
) {
  return {
    authentication: { anonymous: { enabled: overrides.anonymous ?? false }, webhook: { enabled: true } },
    authorization: { mode: overrides.mode ?? "Webhook" },
    readOnlyPort: overrides.readOnlyPort ?? 0,
    rotateCertificates: overrides.rotate ?? true,
    serverTLSBootstrap: overrides.rotate ?? true,
  };
}

export function clusterRoleBinding(
  name: string,
  role: string,
  subjects: { kind: string; name: string; namespace?: string }[],
): ApiObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: meta(name),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
    subjects: subjects.map((s) => ({ apiGroup: s.kind === "ServiceAccount" ? "" : "rbac.authorization.k8s.io", ...s })),
  };
}

export function clusterRole(name: string, rules: Record<string, unknown>[]): ApiObject {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: meta(name), rules };
}

export function networkPolicy(name: string, ns: string, spec: Record<string, unknown>): ApiObject {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta(name, ns), spec };
}

export function vulnerabilityReport(
  ns: string,
  owner: string,
  image: { server: string; repository: string; tag: string },
  counts: { critical: number; high: number; medium?: number; low?: number },
): ApiObject {
  return {
    apiVersion: "aquasecurity.github.io/v1alpha1",
    kind: "VulnerabilityReport",
    metadata: meta(`replicaset-${owner}`, ns, {
      labels: { "trivy-operator.resource.kind": "ReplicaSet", "trivy-operator.resource.name": owner },
    }),
    report: {
      registry: { server: image.server },
      artifact: { repository: image.repository, tag: image.tag },
      scanner: { name: "Trivy", vendor: "Aqua Security", version: "0.58.1" },
      summary: {
        criticalCount: counts.critical,
        highCount: counts.high,
        mediumCount: counts.medium ?? 0,
        lowCount: counts.low ?? 0,
        unknownCount: 0,
      },
    },
  };
}

export function secretMeta(name: string, ns: string, type: string): ApiObject {
  // Fixture secrets carry no data: the collector must never see values, and the server would
  // send none in a metadata-only list anyway.
  return { apiVersion: "v1", kind: "Secret", metadata: meta(name, ns), type };
}

/** A kubeadm-style static (mirror) pod of a control plane component, owned by its node. */
export function staticPod(component: string, flags: string[], node = "cp-1", tag = "v1.37.1"): ApiObject {
  const name = `${component}-${node}`;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "kube-system",
      labels: { component, tier: "control-plane" },
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node, controller: true }],
    },
    spec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      containers: [{ name: component, image: `registry.k8s.io/${component}:${tag}`, command: [component, ...flags] }],
    },
  };
}

/** A Kyverno ClusterPolicy with the given spec (rules, validationFailureAction). */
export function kyvernoPolicy(name: string, spec: Record<string, unknown>): ApiObject {
  return {
    apiVersion: "kyverno.io/v1",
    kind: "ClusterPolicy",
    metadata: meta(name),
    spec: { background: true, ...spec },
  };
}

/** Kyverno's validating webhook configuration: the webhook for pods with `failurePolicy`, and its empty reserve of the other policy. */
export function kyvernoWebhook(failurePolicy: "Fail" | "Ignore"): ApiObject {
  const pods = [{ operations: ["CREATE", "UPDATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }];
  const other = failurePolicy === "Fail" ? "Ignore" : "Fail";
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingWebhookConfiguration",
    metadata: meta("kyverno-resource-validating-webhook-cfg"),
    webhooks: [
      { name: `validate.kyverno.svc-${failurePolicy.toLowerCase()}`, failurePolicy, rules: pods },
      { name: `validate.kyverno.svc-${other.toLowerCase()}`, failurePolicy: other, rules: [] },
    ],
  };
}
