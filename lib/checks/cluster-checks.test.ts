import { describe, expect, it } from "vitest";

import { container, service, workload } from "@/lib/fake-api-server/clusters/build";
import type { FixtureCluster } from "@/lib/fake-api-server/types";

import { contextWith } from "./__fixtures__/builders";
import { find, hardenedEdited, inventoryFromFixture } from "./__fixtures__/cluster-builders";
import { CONTROL_PLANE_CASES } from "./node/control-plane.cases";
import { ALL_CHECKS, getCheck } from "./registry";
import type { Evaluation } from "./types";

type Findings = Extract<Evaluation, { status: "evaluated" }>["findings"];
type Case = { pass?: FixtureCluster; fail: FixtureCluster; findings: Findings; apiAddresses?: string[] };

const NOW = new Date("2026-11-23T00:00:00Z");
const CLUSTER = { kind: "Cluster", namespace: "", name: "cluster" };
const node = (name: string) => ({ kind: "Node", namespace: "", name });
const ns = (name: string) => ({ kind: "Namespace", namespace: "", name });
const dep = (namespace: string, name: string) => ({ kind: "Deployment", namespace, name });

function run(checkId: string, cluster: FixtureCluster, apiAddresses?: string[]) {
  const check = getCheck(checkId);
  if (!check) throw new Error(`unknown check ${checkId}`);
  return check.evaluate(inventoryFromFixture(cluster, apiAddresses), { ...contextWith(), now: NOW });
}

function evaluated(checkId: string, cluster: FixtureCluster, apiAddresses?: string[]) {
  const out = run(checkId, cluster, apiAddresses);
  if (out.status !== "evaluated") throw new Error(`${checkId} not evaluated: ${out.reason}`);
  return out;
}

const gateway = (listeners: Record<string, unknown>[], addresses: string[] = ["34.90.1.2"]) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "Gateway",
  metadata: { name: "public", namespace: "gateways" },
  spec: { gatewayClassName: "envoy", listeners },
  status: { addresses: addresses.map((value) => ({ type: "IPAddress", value })) },
});
const httpRoute = (
  name: string,
  ns: string,
  hostnames: string[],
  rules: Record<string, unknown>[],
  sectionName?: string,
) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name, namespace: ns },
  spec: {
    parentRefs: [{ name: "public", namespace: "gateways", ...(sectionName ? { sectionName } : {}) }],
    hostnames,
    rules,
  },
});
const toService = (name: string, port = 8080) => ({ backendRefs: [{ name, port }] });
const REDIRECT = { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] };
const HTTPS = {
  name: "https",
  protocol: "HTTPS",
  port: 443,
  tls: { mode: "Terminate", certificateRefs: [{ name: "api-tls" }] },
};
/** The hardened cluster behind a public Gateway: HTTPS for the API, HTTP only to redirect. */
const withGateway = (edit: (objects: ReturnType<typeof hardenedEdited>["objects"]) => void = () => {}) =>
  hardenedEdited((objects) => {
    objects.push(
      gateway([HTTPS, { name: "http", protocol: "HTTP", port: 80 }]),
      httpRoute("api", "payments", ["api.payments.example.com"], [toService("api")], "https"),
      httpRoute("redirect", "payments", ["api.payments.example.com"], [REDIRECT], "http"),
    );
    edit(objects);
  });

const withIstio = (mode: string) =>
  hardenedEdited((objects) => {
    objects.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: "istio-system" } });
    objects.push({
      apiVersion: "security.istio.io/v1",
      kind: "PeerAuthentication",
      metadata: { name: "default", namespace: "istio-system" },
      spec: { mtls: { mode } },
    });
  });

const CASES: Record<string, Case> = {
  ...CONTROL_PLANE_CASES,
  "node.anonymous-api-access": {
    // Anonymous auth on (its default) but RBAC grants the anonymous user nothing: 403, a pass.
    pass: hardenedEdited((_o, c) => {
      c.anonymousAuth = true;
    }),
    fail: hardenedEdited((objects, c) => {
      c.anonymousAuth = true;
      objects.push({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: "ns-reader" },
        rules: [{ apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list"] }],
      });
      objects.push({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name: "open-ns" },
        roleRef: { kind: "ClusterRole", name: "ns-reader" },
        subjects: [{ kind: "Group", name: "system:unauthenticated" }],
      });
    }),
    findings: [
      {
        resource: CLUSTER,
        message:
          "an unauthenticated GET /api/v1/namespaces?limit=1 was answered 200 with the list: anonymous requests are authorised to read the cluster",
      },
    ],
  },
  "network.gateway-listener-no-tls": {
    pass: withGateway(),
    fail: withGateway((objects) => {
      objects.push(httpRoute("shop", "payments", ["shop.example.com", "shop.svc"], [toService("api")], "http"));
      // An internal gateway's plain listener is not judged.
      objects.push({
        ...gateway([{ name: "http", protocol: "HTTP", port: 80 }], ["10.1.5.5"]),
        metadata: { name: "internal", namespace: "gateways" },
      });
    }),
    findings: [
      {
        resource: { kind: "Gateway", namespace: "gateways", name: "public" },
        message: "listener `http` (port 80) serves shop.example.com over plain HTTP through HTTPRoute payments/shop",
      },
    ],
  },
  "network.route-exposes-admin-ui": {
    pass: withGateway(),
    fail: withGateway((objects) => {
      objects.push(
        workload("grafana", "monitoring", [container("grafana", "docker.io/grafana/grafana:11.5.2")]),
        service("grafana", "monitoring", "ClusterIP", 3000),
      );
      objects.push(httpRoute("grafana", "monitoring", ["grafana.example.com"], [toService("grafana", 3000)], "https"));
    }),
    findings: [
      {
        resource: { kind: "HTTPRoute", namespace: "monitoring", name: "grafana" },
        message:
          "Grafana is reachable through HTTPRoute monitoring/grafana (grafana.example.com) on Gateway gateways/public",
      },
    ],
  },
  "node.k8s-version-unsupported": {
    fail: hardenedEdited((objects, c) => {
      c.version = { major: "1", minor: "33", gitVersion: "v1.33.5" };
      find(objects, "Node", "node-2").status.nodeInfo.kubeletVersion = "v1.31.9";
    }),
    findings: [
      {
        resource: CLUSTER,
        message:
          "the API server runs v1.33.5: Kubernetes 1.33 reached end of life on 2026-06-28 (https://kubernetes.io/releases/ (end of maintenance per minor), read 2026-11-01)",
      },
      {
        resource: node("node-2"),
        message:
          "the kubelet on node `node-2` runs v1.31.9: Kubernetes 1.31 reached end of life on 2025-10-28 (https://kubernetes.io/releases/ (end of maintenance per minor), read 2026-11-01)",
      },
    ],
  },
  "node.kubelet-version-skew": {
    fail: hardenedEdited((objects) => {
      find(objects, "Node", "node-1").status.nodeInfo.kubeletVersion = "v1.33.1";
    }),
    findings: [
      {
        resource: node("node-1"),
        message: "kubelet v1.33.1 is 4 minors behind the API server v1.37.1 (at most 3 supported)",
      },
    ],
  },
  "node.public-ip": {
    fail: hardenedEdited((objects) => {
      find(objects, "Node", "node-1").status.addresses.push(
        { type: "ExternalIP", address: "34.89.12.7" },
        { type: "ExternalIP", address: "100.64.3.3" },
      );
    }),
    findings: [{ resource: node("node-1"), message: "node `node-1` has the public address 34.89.12.7" }],
  },
  "node.kubelet-anonymous-auth": {
    fail: hardenedEdited((_o, c) => {
      (c.kubeletConfigs!["node-2"]!.authentication as { anonymous: { enabled: boolean } }).anonymous.enabled = true;
    }),
    findings: [
      {
        resource: node("node-2"),
        message: "the kubelet on node `node-2` accepts anonymous requests (authentication.anonymous.enabled: true)",
      },
    ],
  },
  "node.kubelet-authz-always-allow": {
    fail: hardenedEdited((_o, c) => {
      c.kubeletConfigs!["node-1"]!.authorization = { mode: "AlwaysAllow" };
    }),
    findings: [
      {
        resource: node("node-1"),
        message: "the kubelet on node `node-1` authorises every request (authorization.mode: AlwaysAllow)",
      },
    ],
  },
  "node.kubelet-readonly-port": {
    fail: hardenedEdited((_o, c) => {
      c.kubeletConfigs!["cp-1"]!.readOnlyPort = 10255;
    }),
    findings: [
      { resource: node("cp-1"), message: "the kubelet on node `cp-1` serves the unauthenticated read-only port 10255" },
    ],
  },
  "node.kubelet-cert-rotation": {
    fail: hardenedEdited((_o, c) => {
      c.kubeletConfigs!["node-1"]!.serverTLSBootstrap = false;
    }),
    findings: [
      {
        resource: node("node-1"),
        message: "the kubelet on node `node-1` does not rotate its serving (serverTLSBootstrap: false) certificates",
      },
    ],
  },
  "node.container-runtime-outdated": {
    fail: hardenedEdited((objects) => {
      find(objects, "Node", "node-1").status.nodeInfo.containerRuntimeVersion = "containerd://1.6.33";
    }),
    findings: [
      {
        resource: node("node-1"),
        message:
          "runs container runtime containerd://1.6.33: containerd 1.6 reached end of life on 2025-07-23 (containerd RELEASES.md support horizon; CRI-O follows the Kubernetes minor; dockershim removed in Kubernetes 1.24, read 2026-11-01)",
      },
    ],
  },
  "node.os-image-eol": {
    fail: hardenedEdited((objects) => {
      find(objects, "Node", "node-2").status.nodeInfo.osImage = "Ubuntu 20.04.6 LTS";
    }),
    findings: [
      {
        resource: node("node-2"),
        message:
          "runs Ubuntu 20.04.6 LTS: Ubuntu 20.04 reached end of life on 2025-05-31 (ubuntu.com/about/release-cycle, wiki.debian.org/DebianReleases, endoflife.date (CentOS, Amazon Linux, RHEL), read 2026-11-01)",
      },
    ],
  },
  "node.control-plane-schedulable": {
    fail: hardenedEdited((objects) => {
      delete find(objects, "Node", "cp-1").spec.taints;
    }),
    findings: [{ resource: node("cp-1"), message: "control-plane node `cp-1` has no NoSchedule taint" }],
  },
  "node.not-ready": {
    fail: hardenedEdited((objects) => {
      find(objects, "Node", "node-1").status.conditions = [
        { type: "Ready", status: "False" },
        { type: "DiskPressure", status: "True" },
      ];
    }),
    findings: [{ resource: node("node-1"), message: "node `node-1` is not Ready and reports DiskPressure" }],
  },
  "network.namespace-no-policy": {
    fail: hardenedEdited((objects) =>
      objects.filter((o) => !(o.kind === "NetworkPolicy" && o.metadata.namespace === "orders")),
    ),
    findings: [
      {
        resource: ns("orders"),
        message:
          "namespace `orders` runs workloads but has no network policy (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
      },
    ],
  },
  "network.no-default-deny-ingress": {
    fail: hardenedEdited((objects) => {
      find(objects, "NetworkPolicy", "default-deny", "search").spec.policyTypes = ["Egress"];
    }),
    findings: [
      {
        resource: ns("search"),
        message:
          "namespace `search` has no policy that selects all pods and denies ingress by default (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
      },
    ],
  },
  "network.no-default-deny-egress": {
    fail: hardenedEdited((objects) => {
      const p = find(objects, "NetworkPolicy", "default-deny", "search");
      p.spec.policyTypes = ["Ingress"];
      // allow-dns still selects all pods for egress but only to DNS: that is default deny too, so make it allow all.
      find(objects, "NetworkPolicy", "allow-dns", "search").spec.egress = [{}];
    }),
    findings: [
      {
        resource: ns("search"),
        message:
          "namespace `search` has no policy that selects all pods and denies egress by default (policy kinds considered: NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy)",
      },
    ],
  },
  "network.pod-ingress-unrestricted": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "api-open", namespace: "orders" },
        spec: { podSelector: { matchLabels: { "app.kubernetes.io/name": "api" } }, ingress: [{}] },
      });
    }),
    findings: [
      { resource: dep("orders", "api"), message: "NetworkPolicy `api-open` allows ingress from every source" },
    ],
  },
  "network.pod-egress-unrestricted": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "worker-open", namespace: "payments" },
        spec: {
          podSelector: { matchLabels: { "app.kubernetes.io/name": "worker" } },
          policyTypes: ["Egress"],
          egress: [{}],
        },
      });
    }),
    findings: [
      {
        resource: dep("payments", "worker"),
        message: "NetworkPolicy `worker-open` allows egress to every destination",
      },
    ],
  },
  "network.metadata-api-reachable": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "worker-link-local", namespace: "payments" },
        spec: {
          podSelector: { matchLabels: { "app.kubernetes.io/name": "worker" } },
          policyTypes: ["Egress"],
          egress: [{ to: [{ ipBlock: { cidr: "169.254.0.0/16" } }] }],
        },
      });
    }),
    findings: [
      {
        resource: dep("payments", "worker"),
        message:
          "can reach AWS's metadata API at 169.254.169.254: NetworkPolicy `worker-link-local` allows it through ipBlock 169.254.0.0/16 without an except for 169.254.169.254",
      },
    ],
  },
  "network.service-loadbalancer": {
    fail: hardenedEdited((objects) => {
      find(objects, "Service", "api", "orders").spec.type = "LoadBalancer";
    }),
    findings: [
      {
        resource: { kind: "Service", namespace: "orders", name: "api" },
        message:
          "Service orders/api is of type LoadBalancer outside the ingress namespaces (ingress-nginx, kube-system, istio-system, istio-ingress, traefik, gateway-system, envoy-gateway-system)",
      },
    ],
  },
  "network.service-nodeport": {
    fail: hardenedEdited((objects) => {
      find(objects, "Service", "worker", "search").spec.type = "NodePort";
    }),
    findings: [
      {
        resource: { kind: "Service", namespace: "search", name: "worker" },
        message:
          "Service search/worker is of type NodePort outside the ingress namespaces (ingress-nginx, kube-system, istio-system, istio-ingress, traefik, gateway-system, envoy-gateway-system)",
      },
    ],
  },
  "network.service-external-ips": {
    fail: hardenedEdited((objects) => {
      find(objects, "Service", "api", "payments").spec.externalIPs = ["203.0.113.10"];
    }),
    findings: [
      {
        resource: { kind: "Service", namespace: "payments", name: "api" },
        message: "Service payments/api sets externalIPs 203.0.113.10",
      },
    ],
  },
  "network.ingress-no-tls": {
    fail: hardenedEdited((objects) => {
      find(objects, "Ingress", "api", "payments").spec.rules.push({
        host: "admin.payments.example.com",
        http: { paths: [] },
      });
    }),
    findings: [
      {
        resource: { kind: "Ingress", namespace: "payments", name: "api" },
        message: "Ingress payments/api serves admin.payments.example.com without TLS",
      },
    ],
  },
  "network.sensitive-ui-exposed": {
    fail: hardenedEdited((objects) => {
      find(objects, "Deployment", "worker", "search").spec.template.spec.containers[0].image =
        "docker.io/grafana/grafana:11.5.2";
      find(objects, "Service", "worker", "search").spec.type = "LoadBalancer";
    }),
    findings: [
      {
        resource: { kind: "Service", namespace: "search", name: "worker" },
        message: "Grafana is reachable from outside the cluster through a LoadBalancer Service",
      },
    ],
  },
  "network.kubernetes-dashboard-installed": {
    fail: hardenedEdited((objects) => {
      find(objects, "Deployment", "worker", "search").spec.template.spec.containers[0].image =
        "docker.io/kubernetesui/dashboard:v2.7.0";
    }),
    findings: [{ resource: CLUSTER, message: "Deployment search/worker runs the Kubernetes Dashboard" }],
  },
  "network.api-server-public": {
    fail: hardenedEdited(),
    apiAddresses: ["35.187.10.20"],
    findings: [
      { resource: CLUSTER, message: "the API server api.cluster.internal resolves to public address 35.187.10.20" },
    ],
  },
  "network.mtls-not-enforced": {
    pass: withIstio("STRICT"),
    fail: withIstio("PERMISSIVE"),
    findings: ["payments", "orders", "search"].map((n) => ({
      resource: ns(n),
      message: `namespace \`${n}\` accepts plain-text traffic (mTLS mode PERMISSIVE)`,
    })),
  },
  "secrets.env-var-secret": {
    fail: hardenedEdited((objects) => {
      find(objects, "Deployment", "api", "payments").spec.template.spec.containers[0].env = [
        { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "payments-db", key: "password" } } },
      ];
    }),
    findings: [
      {
        resource: dep("payments", "api"),
        container: "api",
        message: "container `api` takes Secret `payments-db` in env var DB_PASSWORD",
      },
    ],
  },
  "secrets.hardcoded-credential": {
    fail: hardenedEdited((objects) => {
      find(objects, "Deployment", "api", "payments").spec.template.spec.containers[0].env = [
        { name: "STRIPE_KEY", value: "sk_live_51HxYzAbCdEfGhIjKlMnOpQr" },
      ];
      objects.push({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "legacy", namespace: "orders" },
        data: { DATABASE_URL: "postgres://orders:hunter22@db:5432/orders", LOG_LEVEL: "info" },
      });
    }),
    findings: [
      {
        resource: dep("payments", "api"),
        container: "api",
        message: "container `api` sets env var STRIPE_KEY to a Stripe secret key (value redacted)",
      },
      {
        resource: { kind: "ConfigMap", namespace: "orders", name: "legacy" },
        message: "ConfigMap key DATABASE_URL holds a password in URL (value redacted)",
      },
    ],
  },
  "secrets.sa-token-automount": {
    fail: hardenedEdited((objects) => {
      delete find(objects, "Deployment", "api", "orders").spec.template.spec.automountServiceAccountToken;
      delete find(objects, "ServiceAccount", "api", "orders").automountServiceAccountToken;
    }),
    findings: [
      { resource: dep("orders", "api"), message: "mounts a token for ServiceAccount `api`, which has no RBAC binding" },
    ],
  },
  "secrets.default-service-account": {
    fail: hardenedEdited((objects) => {
      const pod = find(objects, "Deployment", "worker", "orders").spec.template.spec;
      delete pod.serviceAccountName;
      pod.automountServiceAccountToken = true;
      objects.push({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "orders-default-config", namespace: "orders" },
        roleRef: { kind: "ClusterRole", name: "config-reader" },
        subjects: [{ kind: "ServiceAccount", name: "default", namespace: "orders" }],
      });
    }),
    findings: [
      {
        resource: dep("orders", "worker"),
        message:
          "runs as the namespace's default service account, with its token, and shares what RoleBinding `orders-default-config` grants it",
      },
    ],
  },
  "secrets.default-sa-automount": {
    fail: hardenedEdited((objects) => {
      delete find(objects, "ServiceAccount", "default", "search").automountServiceAccountToken;
    }),
    findings: [
      {
        resource: { kind: "ServiceAccount", namespace: "search", name: "default" },
        message: "the default ServiceAccount of namespace `search` does not set automountServiceAccountToken: false",
      },
    ],
  },
  "secrets.legacy-sa-token": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: "ci-token", namespace: "orders", creationTimestamp: "2026-11-01T00:00:00Z" },
        type: "kubernetes.io/service-account-token",
      });
    }),
    findings: [
      {
        resource: { kind: "Secret", namespace: "orders", name: "ci-token" },
        message: "Secret orders/ci-token is a long-lived service-account token",
      },
    ],
  },
  "secrets.stale-secret": {
    fail: hardenedEdited((objects) => {
      find(objects, "Secret", "api-tls", "payments").metadata.creationTimestamp = "2026-01-10T00:00:00Z";
    }),
    findings: [
      {
        resource: { kind: "Secret", namespace: "payments", name: "api-tls" },
        message: "Secret payments/api-tls is 317 days old (rotation period 180 days)",
      },
    ],
  },
  "secrets.rbac-secret-read": {
    fail: hardenedEdited((objects) => {
      find(objects, "ClusterRole", "config-reader").rules.push({
        apiGroups: [""],
        resources: ["secrets"],
        verbs: ["list"],
      });
    }),
    findings: [
      {
        resource: { kind: "RoleBinding", namespace: "payments", name: "payments-team-config" },
        message:
          'Group payments-team can list secrets through RoleBinding `payments-team-config` (ClusterRole `config-reader`) in namespace payments, rule [list] on [secrets] in groups [""]',
      },
    ],
  },
  "secrets.rbac-cluster-admin": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name: "ci" },
        roleRef: { kind: "ClusterRole", name: "cluster-admin" },
        subjects: [{ kind: "User", name: "ci-bot" }],
      });
    }),
    findings: [
      {
        resource: { kind: "ClusterRoleBinding", namespace: "", name: "ci" },
        message: "User ci-bot holds cluster-admin through ClusterRoleBinding `ci`",
      },
    ],
  },
  "secrets.rbac-wildcard": {
    fail: hardenedEdited((objects) => {
      find(objects, "ClusterRole", "config-reader").rules.push({
        apiGroups: ["apps"],
        resources: ["deployments"],
        verbs: ["*"],
      });
    }),
    findings: [
      {
        resource: { kind: "ClusterRole", namespace: "", name: "config-reader" },
        message: "ClusterRole `config-reader` grants [*] on [deployments] in groups [apps]",
      },
    ],
  },
  "secrets.rbac-privilege-escalation": {
    fail: hardenedEdited((objects) => {
      find(objects, "ClusterRole", "config-reader").rules.push({
        apiGroups: [""],
        resources: ["pods/exec"],
        verbs: ["create"],
      });
    }),
    findings: [
      {
        resource: { kind: "RoleBinding", namespace: "payments", name: "payments-team-config" },
        message:
          'Group payments-team can exec into pods through RoleBinding `payments-team-config` (ClusterRole `config-reader`) in namespace payments, rule [create] on [pods/exec] in groups [""]',
      },
    ],
  },
  "secrets.rbac-unbound-dangerous-role": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: "debug-exec" },
        rules: [{ apiGroups: [""], resources: ["pods", "pods/exec"], verbs: ["get", "list"] }],
      });
    }),
    findings: [
      {
        resource: { kind: "ClusterRole", namespace: "", name: "debug-exec" },
        message: "ClusterRole `debug-exec` would let its subjects exec into pods; bound by nothing in the cluster",
      },
    ],
  },
  "network.ingress-nginx-retired": {
    fail: hardenedEdited((objects) => {
      objects.push(
        workload("ingress-nginx-controller", "ingress-nginx", [
          container(
            "controller",
            "registry.k8s.io/ingress-nginx/controller:v1.12.1@sha256:4bd4ad1ed4b0e53fc1e1e1d8aa0e5fbd02ae7e33f0b7f7a4f7a7cd0bbd3ca1a7",
          ),
        ]),
      );
    }),
    findings: [
      {
        resource: dep("ingress-nginx", "ingress-nginx-controller"),
        container: "controller",
        message:
          "container `controller` runs the retired ingress-nginx controller v1.12.1: no security fixes since March 2026; move to a Gateway API implementation",
      },
    ],
  },
  "secrets.rbac-anonymous": {
    fail: hardenedEdited((objects) => {
      objects.push({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name: "open-config" },
        roleRef: { kind: "ClusterRole", name: "config-reader" },
        subjects: [{ kind: "Group", name: "system:unauthenticated" }],
      });
    }),
    findings: [
      {
        resource: { kind: "ClusterRoleBinding", namespace: "", name: "open-config" },
        message:
          "Group system:unauthenticated is granted ClusterRole `config-reader` through ClusterRoleBinding `open-config`",
      },
    ],
  },
};

describe("node, network and secrets checks", () => {
  it("has a passing and a failing fixture for every check of these layers", () => {
    expect(Object.keys(CASES).sort()).toStrictEqual(
      ALL_CHECKS.filter((c) => ["node", "network", "secrets"].includes(c.layer))
        .map((c) => c.id)
        .sort(),
    );
  });

  it.each(Object.entries(CASES))(
    "%s: the hardened cluster passes, the failing fixture gives exactly its findings",
    (id, c) => {
      const passed = evaluated(id, c.pass ?? hardenedEdited());
      expect(passed.findings).toStrictEqual([]);
      expect(passed.evaluated.length).toBeGreaterThan(0);
      expect(evaluated(id, c.fail, c.apiAddresses).findings).toStrictEqual(c.findings);
    },
  );
});
