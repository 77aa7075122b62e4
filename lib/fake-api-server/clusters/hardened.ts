import type { ApiObject, FixtureCluster } from "../types";
import {
  container,
  kubeletConfig,
  kyvernoPolicy,
  kyvernoWebhook,
  meta,
  namespace,
  networkPolicy,
  node,
  restrictedContext,
  service,
  serviceAccount,
  vulnerabilityReport,
  workload,
} from "./build";

const REG = "registry.internal.example";
const DIGEST = "sha256:4bd4ad1ed4b0e53fc1e1e1d8aa0e5fbd02ae7e33f0b7f7a4f7a7cd0bbd3ca1a7";

function app(name: string, ns: string): ApiObject[] {
  return [
    workload(
      name,
      ns,
      [
        container(name, `${REG}/${ns}/${name}:1.0.0@${DIGEST}`, {
          imagePullPolicy: "IfNotPresent",
          securityContext: restrictedContext,
        }),
      ],
      {
        replicas: 3,
        podSpec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
        },
      },
    ),
    service(name, ns, "ClusterIP", 8080),
    serviceAccount(name, ns, false),
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: meta(name, ns),
      spec: { minAvailable: 2, selector: { matchLabels: { "app.kubernetes.io/name": name } } },
    },
    vulnerabilityReport(
      ns,
      `${name}-1`,
      { server: REG, repository: `${ns}/${name}`, tag: "1.0.0" },
      { critical: 0, high: 0, medium: 1 },
    ),
  ];
}

/** A cluster that follows the guidance: it should score above 95 in every layer. */
export function hardenedCluster(): FixtureCluster {
  const namespaces = ["payments", "orders", "search"];
  const objects: ApiObject[] = [
    namespace("kube-system"),
    namespace("kube-public"),
    namespace("kube-node-lease"),
    namespace("default", { "pod-security.kubernetes.io/enforce": "restricted" }),
    serviceAccount("default", "default", false),
    // Self-managed on AWS: the provider serves a metadata API, so the metadata checks apply.
    node("cp-1", "10.1.0.10", { role: "control-plane", providerID: "aws:///eu-west-1a/i-0c1a2b3c4d5e6f701" }),
    node("node-1", "10.1.0.11", { providerID: "aws:///eu-west-1a/i-0c1a2b3c4d5e6f702" }),
    node("node-2", "10.1.0.12", { providerID: "aws:///eu-west-1b/i-0c1a2b3c4d5e6f703" }),
    kyvernoPolicy("restrict-pod-security", {
      validationFailureAction: "Enforce",
      rules: [{ name: "baseline", validate: { podSecurity: { level: "restricted", version: "latest" } } }],
    }),
    kyvernoPolicy("verify-images", {
      rules: [
        {
          name: "signed-by-ci",
          verifyImages: [
            {
              imageReferences: [`${REG}/*`],
              failureAction: "Enforce",
              attestors: [{ entries: [{ keyless: { issuer: "https://token.actions.githubusercontent.com" } }] }],
            },
          ],
        },
      ],
    }),
    kyvernoWebhook("Fail"),
  ];
  objects.push(
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: meta("config-reader"),
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta("payments-team-config", "payments"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "config-reader" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "payments-team" }],
    },
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { ...meta("api-tls", "payments"), creationTimestamp: "2026-10-15T09:00:00Z" },
      type: "kubernetes.io/tls",
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: meta("api", "payments"),
      spec: {
        ingressClassName: "nginx",
        tls: [{ hosts: ["api.payments.example.com"], secretName: "api-tls" }],
        rules: [
          {
            host: "api.payments.example.com",
            http: {
              paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "api", port: { number: 8080 } } } }],
            },
          },
        ],
      },
    },
  );
  for (const ns of namespaces) {
    objects.push(
      namespace(ns, {
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
      }),
    );
    objects.push(serviceAccount("default", ns, false));
    objects.push(networkPolicy("default-deny", ns, { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    objects.push(
      networkPolicy("allow-dns", ns, {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }],
            ports: [{ port: 53, protocol: "UDP" }],
          },
        ],
      }),
    );
    objects.push(...app("api", ns), ...app("worker", ns));
  }
  return {
    name: "hardened",
    version: { major: "1", minor: "37", gitVersion: "v1.37.1" },
    objects,
    kubeletConfigs: { "cp-1": kubeletConfig(), "node-1": kubeletConfig(), "node-2": kubeletConfig() },
    installedGroups: ["aquasecurity.github.io", "kyverno.io"],
  };
}
