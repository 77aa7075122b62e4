import type { ApiObject, FixtureCluster } from "../types";
import {
  clusterRole,
  clusterRoleBinding,
  container,
  kubeletConfig,
  kyvernoPolicy,
  kyvernoWebhook,
  meta,
  namespace,
  networkPolicy,
  node,
  restrictedContext,
  secretMeta,
  service,
  serviceAccount,
  staticPod,
  vulnerabilityReport,
  workload,
} from "./build";

/**
 * The demo cluster: a kubeadm-style cluster running an online shop, an ingress controller,
 * Prometheus and Grafana, the Kubernetes Dashboard and Trivy Operator, with the mixed hygiene
 * of a real one. Its dated states show problems being fixed and new ones appearing.
 */
export const DEMO_STATE_DATES = [
  "2026-08-03T06:00:00Z",
  "2026-09-07T06:00:00Z",
  "2026-10-05T06:00:00Z",
  "2026-11-02T06:00:00Z",
] as const;
export type DemoState = 0 | 1 | 2 | 3;

const REG = "registry.shop.example";

function nodes(state: DemoState): ApiObject[] {
  const kubelet = state < 2 ? "v1.29.4" : "v1.36.2";
  return [
    node("cp-1", "10.0.0.10", { role: "control-plane", kubelet, tainted: state >= 2 }),
    node("worker-1", "10.0.0.11", { kubelet, runtime: state < 2 ? "containerd://1.6.20" : "containerd://2.2.1" }),
    node("worker-2", "10.0.0.12", { kubelet }),
    node("worker-3", "10.0.0.13", {
      kubelet,
      externalIP: "34.89.12.7",
      osImage: state < 2 ? "Ubuntu 20.04.6 LTS" : "Ubuntu 24.04.2 LTS",
    }),
  ];
}

/** kubeadm's control plane as static pods: audit logging arrives in the third state, encryption at rest in the last. */
function controlPlane(state: DemoState): ApiObject[] {
  const tag = state < 2 ? "v1.29.4" : "v1.36.2";
  const apiserver = [
    "--advertise-address=10.0.0.10",
    "--authorization-mode=Node,RBAC",
    "--enable-admission-plugins=NodeRestriction",
    "--client-ca-file=/etc/kubernetes/pki/ca.crt",
    "--etcd-servers=https://127.0.0.1:2379",
    "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
    "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
    ...(state >= 1 ? ["--anonymous-auth=false"] : []),
    ...(state >= 2
      ? [
          "--audit-policy-file=/etc/kubernetes/audit-policy.yaml",
          "--audit-log-path=/var/log/kubernetes/audit.log",
          "--audit-log-maxage=30",
          "--audit-log-maxbackup=10",
          "--audit-log-maxsize=100",
        ]
      : []),
    ...(state >= 3 ? ["--encryption-provider-config=/etc/kubernetes/encryption.yaml"] : []),
  ];
  const quiet = ["--bind-address=127.0.0.1", ...(state >= 2 ? ["--profiling=false"] : [])];
  return [
    staticPod("kube-apiserver", apiserver, "cp-1", tag),
    staticPod(
      "etcd",
      [
        "--client-cert-auth=true",
        "--peer-client-cert-auth=true",
        "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
        "--data-dir=/var/lib/etcd",
      ],
      "cp-1",
      "3.5.21-0",
    ),
    staticPod("kube-controller-manager", [...quiet, "--use-service-account-credentials=true"], "cp-1", tag),
    staticPod("kube-scheduler", quiet, "cp-1", tag),
  ];
}

function kubeSystem(): ApiObject[] {
  return [
    workload("coredns", "kube-system", [
      container("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", {
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
        },
      }),
    ]),
    workload(
      "kube-proxy",
      "kube-system",
      [container("kube-proxy", "registry.k8s.io/kube-proxy:v1.36.2", { securityContext: { privileged: true } })],
      {
        kind: "DaemonSet",
        podSpec: { hostNetwork: true, volumes: [{ name: "lib-modules", hostPath: { path: "/lib/modules" } }] },
      },
    ),
    serviceAccount("coredns", "kube-system"),
    serviceAccount("kube-proxy", "kube-system"),
  ];
}

function ingress(): ApiObject[] {
  return [
    namespace("ingress-nginx", { "pod-security.kubernetes.io/enforce": "baseline" }),
    workload("ingress-nginx-controller", "ingress-nginx", [
      container("controller", "registry.k8s.io/ingress-nginx/controller:v1.12.1", {
        securityContext: {
          allowPrivilegeEscalation: true,
          runAsUser: 101,
          capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
        },
      }),
    ]),
    service("ingress-nginx-controller", "ingress-nginx", "LoadBalancer", 443),
    serviceAccount("ingress-nginx-controller", "ingress-nginx"),
  ];
}

function shop(state: DemoState): ApiObject[] {
  const hardened = { securityContext: restrictedContext };
  const out: ApiObject[] = [
    namespace(
      "shop",
      state >= 1
        ? { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted" }
        : {},
    ),
    workload("frontend", "shop", [container("frontend", `${REG}/shop/frontend:2.4.1`, hardened)], { replicas: 3 }),
    workload("cart", "shop", [
      container("cart", state < 3 ? `${REG}/shop/cart:latest` : `${REG}/shop/cart:1.9.0`, {
        securityContext: { runAsUser: 0 },
      }),
    ]),
    workload("payments", "shop", [
      container("payments", `${REG}/shop/payments:3.1.0`, {
        ...hardened,
        env:
          state < 2
            ? [{ name: "DB_PASSWORD", value: "Pr0d-p4ssw0rd!" }]
            : [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "payments-db", key: "password" } } }],
      }),
    ]),
    workload("catalog", "shop", [container("catalog", `${REG}/shop/catalog:1.2.0`, { resources: {} })], {
      replicas: 1,
    }),
    workload(
      "redis",
      "shop",
      [container("redis", "redis:7.2", { readinessProbe: undefined, livenessProbe: undefined })],
      { kind: "StatefulSet", replicas: 1 },
    ),
    // Runs as root, but in a user namespace: its root findings are mitigated.
    workload(
      "thumbnailer",
      "shop",
      [
        container("thumbnailer", `${REG}/shop/thumbnailer:0.9.3`, {
          securityContext: {
            runAsUser: 0,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"], add: ["CHOWN"] },
            seccompProfile: { type: "RuntimeDefault" },
          },
        }),
      ],
      { replicas: 1, podSpec: { hostUsers: false } },
    ),
    service("frontend", "shop", "ClusterIP", 8080),
    service("cart", "shop", "ClusterIP", 8080),
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: meta("shop", "shop"),
      spec: {
        ingressClassName: "nginx",
        rules: [
          {
            host: "shop.example.com",
            http: {
              paths: [
                { path: "/", pathType: "Prefix", backend: { service: { name: "frontend", port: { number: 8080 } } } },
              ],
            },
          },
        ],
        ...(state >= 1 ? { tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }] } : {}),
      },
    },
    ...["frontend", "cart", "payments", "catalog", "redis", "thumbnailer"].map((n) => serviceAccount(n, "shop")),
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: meta("cart-config", "shop"),
      data:
        state < 2
          ? { "config.yaml": "region: eu-west-1\n", AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE" }
          : { "config.yaml": "region: eu-west-1\n" },
    },
    secretMeta("payments-db", "shop", "Opaque"),
    secretMeta("shop-tls", "shop", "kubernetes.io/tls"),
  ];
  if (state >= 2) {
    out.push(networkPolicy("default-deny", "shop", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    out.push(
      networkPolicy("frontend-from-ingress", "shop", {
        podSelector: { matchLabels: { "app.kubernetes.io/name": "frontend" } },
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }] },
        ],
      }),
    );
    out.push({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: meta("frontend", "shop"),
      spec: { minAvailable: 2, selector: { matchLabels: { "app.kubernetes.io/name": "frontend" } } },
    });
    out.push({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta("frontend", "shop"),
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "frontend" },
        minReplicas: 3,
        maxReplicas: 12,
      },
    });
  }
  if (state === 3) {
    // A new problem: someone left a debugging pod with the host's PID namespace.
    out.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: meta("debug-tools", "shop"),
      spec: {
        hostPID: true,
        containers: [{ name: "debug", image: "nicolaka/netshoot:latest", securityContext: { privileged: true } }],
      },
    });
  }
  return out;
}

function monitoring(state: DemoState): ApiObject[] {
  return [
    namespace("monitoring"),
    workload(
      "prometheus",
      "monitoring",
      [container("prometheus", "quay.io/prometheus/prometheus:v3.2.1", { ports: [{ containerPort: 9090 }] })],
      { kind: "StatefulSet", replicas: 1 },
    ),
    workload(
      "grafana",
      "monitoring",
      [container("grafana", "docker.io/grafana/grafana:11.5.2", { ports: [{ containerPort: 3000 }] })],
      { replicas: 1 },
    ),
    service("prometheus", "monitoring", "ClusterIP", 9090),
    service("grafana", "monitoring", state < 3 ? "LoadBalancer" : "ClusterIP", 3000),
    serviceAccount("prometheus", "monitoring"),
    serviceAccount("grafana", "monitoring"),
    clusterRole("prometheus", [
      {
        apiGroups: [""],
        resources: ["namespaces", "nodes", "services", "endpoints", "pods"],
        verbs: ["get", "list", "watch"],
      },
    ]),
    clusterRoleBinding("prometheus", "prometheus", [
      { kind: "ServiceAccount", name: "prometheus", namespace: "monitoring" },
    ]),
  ];
}

function dashboard(state: DemoState): ApiObject[] {
  if (state === 3) return [];
  return [
    namespace("kubernetes-dashboard"),
    workload(
      "kubernetes-dashboard",
      "kubernetes-dashboard",
      [
        container("kubernetes-dashboard", "docker.io/kubernetesui/dashboard:v2.7.0", {
          ports: [{ containerPort: 8443 }],
        }),
      ],
      { replicas: 1 },
    ),
    service("kubernetes-dashboard", "kubernetes-dashboard", "ClusterIP", 443),
    serviceAccount("kubernetes-dashboard", "kubernetes-dashboard"),
    clusterRoleBinding("kubernetes-dashboard-admin", "cluster-admin", [
      { kind: "ServiceAccount", name: "kubernetes-dashboard", namespace: "kubernetes-dashboard" },
    ]),
  ];
}

/**
 * Attacker-controlled text, as anyone who can create a workload can write it: the image string
 * is free-form to the API server, so spreadsheet formulas and markup reach findings verbatim.
 */
export const HOSTILE_IMAGE = `=HYPERLINK("http://evil.example","open")<script>alert(1)</script><img src=x onerror=alert(2)>`;

function playground(): ApiObject[] {
  return [
    namespace("playground"),
    workload(
      "csv-importer",
      "playground",
      [
        container("importer", HOSTILE_IMAGE, {
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
        }),
      ],
      {
        replicas: 1,
      },
    ),
    serviceAccount("csv-importer", "playground"),
  ];
}

function rbac(state: DemoState): ApiObject[] {
  const out: ApiObject[] = [
    clusterRole("cluster-admin", [
      { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
      { nonResourceURLs: ["*"], verbs: ["*"] },
    ]),
    clusterRole("shop-deployer", [
      { apiGroups: ["apps"], resources: ["deployments"], verbs: ["*"] },
      { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] },
      { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
    ]),
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta("shop-deployer", "shop"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "shop-deployer" },
      subjects: [{ kind: "Group", name: "shop-developers", apiGroup: "rbac.authorization.k8s.io" }],
    },
  ];
  if (state < 3) out.push(clusterRoleBinding("ci-deployer", "cluster-admin", [{ kind: "User", name: "ci-bot" }]));
  if (state === 0)
    out.push(clusterRoleBinding("anonymous-metrics", "prometheus", [{ kind: "User", name: "system:anonymous" }]));
  return out;
}

/**
 * Kyverno arrives in the second state with its pod policy in Audit mode and its webhook failing
 * open, then (on 1.36) a ValidatingAdmissionPolicy bound only to warn; nothing verifies image signatures;
 * by the last state the policy enforces, images are verified and the webhook fails closed.
 */
function admission(state: DemoState): ApiObject[] {
  if (state === 0) return [];
  const enforce = state === 3 ? "Enforce" : "Audit";
  const vap = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: meta("require-team-label"),
    spec: {
      failurePolicy: "Fail",
      matchConstraints: {
        resourceRules: [
          { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] },
        ],
      },
      validations: [{ expression: "has(object.metadata.labels.team)", message: "every Deployment names its team" }],
    },
  };
  const binding = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: meta("require-team-label"),
    spec: {
      policyName: "require-team-label",
      validationActions: state === 3 ? ["Deny"] : ["Warn", "Audit"],
      matchResources: { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } },
    },
  };
  return [
    namespace("kyverno"),
    workload(
      "kyverno-admission-controller",
      "kyverno",
      [container("kyverno", "reg.kyverno.io/kyverno/kyverno:v1.15.2", { securityContext: restrictedContext })],
      { replicas: 3 },
    ),
    serviceAccount("kyverno-admission-controller", "kyverno"),
    kyvernoWebhook(state === 3 ? "Fail" : "Ignore"),
    kyvernoPolicy("disallow-privileged", {
      rules: [
        {
          name: "privileged",
          match: { any: [{ resources: { kinds: ["Pod"] } }] },
          validate: { failureAction: enforce, podSecurity: { level: "baseline", version: "latest" } },
        },
      ],
    }),
    ...(state === 3
      ? [
          kyvernoPolicy("verify-shop-images", {
            rules: [
              {
                name: "signed-by-ci",
                match: { any: [{ resources: { kinds: ["Pod"], namespaces: ["shop"] } }] },
                verifyImages: [
                  {
                    imageReferences: [`${REG}/*`],
                    failureAction: "Enforce",
                    attestors: [
                      {
                        entries: [
                          {
                            keyless: {
                              issuer: "https://token.actions.githubusercontent.com",
                              subject: "https://github.com/shop/*",
                            },
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          }),
        ]
      : []),
    // Served from Kubernetes 1.30, which the cluster reaches in its third state.
    ...(state >= 2 ? [vap, binding] : []),
  ];
}

/** Gateway API next to the old ingress from the second state: plain HTTP and Grafana on it, until the last state. */
function gateway(state: DemoState): ApiObject[] {
  if (state === 0) return [];
  const gw = (
    group: string,
    kind: string,
    name: string,
    ns: string,
    spec: Record<string, unknown>,
    status?: Record<string, unknown>,
  ): ApiObject => ({ apiVersion: `${group}/v1`, kind, metadata: meta(name, ns), spec, ...(status ? { status } : {}) });
  const G = "gateway.networking.k8s.io";
  const parent = (sectionName: string) => [{ name: "public", namespace: "ingress-nginx", sectionName }];
  const api = { backendRefs: [{ name: "frontend", port: 8080 }] };
  const redirect = { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] };
  return [
    gw(
      G,
      "Gateway",
      "public",
      "ingress-nginx",
      {
        gatewayClassName: "envoy",
        listeners: [
          { name: "http", protocol: "HTTP", port: 80 },
          {
            name: "https",
            protocol: "HTTPS",
            port: 443,
            tls: { mode: "Terminate", certificateRefs: [{ name: "shop-tls", namespace: "shop" }] },
            allowedRoutes: { namespaces: { from: "All" } },
          },
        ],
      },
      { addresses: [{ type: "IPAddress", value: "34.90.44.21" }] },
    ),
    gw(G, "HTTPRoute", "shop-api", "shop", {
      parentRefs: parent("https"),
      hostnames: ["api.shop.example.com"],
      rules: [api],
    }),
    gw(G, "HTTPRoute", "shop-api-http", "shop", {
      parentRefs: parent("http"),
      hostnames: ["api.shop.example.com"],
      rules: [state === 3 ? redirect : api],
    }),
    ...(state < 3
      ? [
          gw(G, "HTTPRoute", "grafana", "monitoring", {
            parentRefs: parent("https"),
            hostnames: ["grafana.shop.example.com"],
            rules: [{ backendRefs: [{ name: "grafana", port: 3000 }] }],
          }),
        ]
      : []),
  ];
}

function trivy(state: DemoState): ApiObject[] {
  return [
    namespace("trivy-system"),
    workload(
      "trivy-operator",
      "trivy-system",
      [
        container("trivy-operator", "mirror.gcr.io/aquasec/trivy-operator:0.26.1", {
          securityContext: restrictedContext,
        }),
      ],
      { replicas: 1 },
    ),
    vulnerabilityReport(
      "shop",
      "cart-7d9f",
      { server: REG, repository: "shop/cart", tag: state < 3 ? "latest" : "1.9.0" },
      state < 3 ? { critical: 3, high: 12, medium: 20 } : { critical: 0, high: 1, medium: 8 },
    ),
    vulnerabilityReport(
      "shop",
      "frontend-5c8d",
      { server: REG, repository: "shop/frontend", tag: "2.4.1" },
      { critical: 0, high: 0, medium: 4, low: 9 },
    ),
    vulnerabilityReport(
      "shop",
      "payments-6b7c",
      { server: REG, repository: "shop/payments", tag: "3.1.0" },
      state < 1 ? { critical: 1, high: 2 } : { critical: 0, high: 0, medium: 3 },
    ),
    vulnerabilityReport(
      "monitoring",
      "grafana-8f6d",
      { server: "docker.io", repository: "grafana/grafana", tag: "11.5.2" },
      { critical: 0, high: 4, medium: 11 },
    ),
  ];
}

export function demoCluster(state: DemoState = 3): FixtureCluster {
  const objects = [
    namespace("default"),
    namespace("kube-system"),
    namespace("kube-public"),
    namespace("kube-node-lease"),
    serviceAccount("default", "default"),
    serviceAccount("default", "shop", state >= 2 ? false : undefined),
    secretMeta("legacy-ci-token", "default", "kubernetes.io/service-account-token"),
    ...nodes(state),
    ...controlPlane(state),
    ...kubeSystem(),
    ...ingress(),
    ...shop(state),
    ...monitoring(state),
    ...dashboard(state),
    ...playground(),
    ...rbac(state),
    ...trivy(state),
    ...admission(state),
    ...gateway(state),
  ];
  return {
    name: "demo",
    version:
      state < 2
        ? { major: "1", minor: "29", gitVersion: "v1.29.4" }
        : { major: "1", minor: "36", gitVersion: "v1.36.2" },
    objects,
    // --anonymous-auth=false arrives with the second state (see controlPlane).
    anonymousAuth: state === 0,
    kubeletConfigs: {
      "cp-1": kubeletConfig(),
      "worker-1": kubeletConfig({ readOnlyPort: state < 2 ? 10255 : 0 }),
      "worker-2": kubeletConfig({ anonymous: true, mode: state < 1 ? "AlwaysAllow" : "Webhook" }),
      "worker-3": kubeletConfig(),
    },
  };
}
