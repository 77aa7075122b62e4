import { auto, defineControls, manual } from "./define";
import type { Framework } from "./types";

// The guide has no numbered controls: these ids are ours (section prefix + number), stable
// within this framework. Titles summarise the guide's recommendations in our own words.

const SECTION_OF: Record<string, string> = {
  POD: "Kubernetes Pod security",
  NET: "Network separation and hardening",
  AUTH: "Authentication and authorization",
  LOG: "Audit logging and threat detection",
  UPG: "Upgrading and application security practices",
};

const CONTROLS = defineControls(
  (id) => `NSA/CISA Kubernetes Hardening Guide v1.2, ${SECTION_OF[id.split("-")[0]!]} (Bulwark id ${id})`,
  [
    {
      section: "Pod security",
      rows: [
        ["POD-1", "Containers run as non-root users", auto("pod.run-as-non-root", "pod.run-as-root-user")],
        ["POD-2", "Container file systems are immutable", auto("container.writable-root-fs")],
        [
          "POD-3",
          "Images are scanned and free of known critical flaws",
          auto("container.no-image-scanning", "container.image-not-scanned", "container.vulnerabilities"),
        ],
        [
          "POD-4",
          "Images come from trusted registries, pinned",
          auto(
            "container.untrusted-registry",
            "container.image-tag-latest",
            "container.image-not-pinned",
            "container.image-signature-not-enforced",
          ),
        ],
        [
          "POD-5",
          "Pod security is enforced at admission",
          auto(
            "pod.no-admission-policy",
            "pod.namespace-psa-missing",
            "pod.namespace-psa-violations",
            "pod.admission-policy-not-enforcing",
            "pod.admission-webhook-fail-open",
          ),
        ],
        [
          "POD-6",
          "No privileged or host-sharing pods, nothing run on the node",
          auto(
            "pod.privileged",
            "pod.host-namespaces",
            "pod.host-path",
            "pod.host-ports",
            "pod.host-process",
            "pod.privilege-escalation",
            "pod.capabilities-baseline",
            "pod.capabilities-not-dropped",
            "pod.gitrepo-volume",
          ),
        ],
        [
          "POD-7",
          "Service account tokens are mounted only where needed",
          auto(
            "secrets.sa-token-automount",
            "secrets.default-sa-automount",
            "secrets.default-service-account",
            "secrets.legacy-sa-token",
          ),
        ],
        ["POD-8", "Untrusted workloads run in sandboxed runtimes", auto("container.sandbox-runtime-missing")],
      ],
    },
    {
      section: "Network separation and hardening",
      rows: [
        ["NET-1", "Namespaces separate teams and applications", auto("pod.default-namespace")],
        [
          "NET-2",
          "Network policies deny by default",
          auto(
            "network.namespace-no-policy",
            "network.no-default-deny-ingress",
            "network.no-default-deny-egress",
            "network.pod-ingress-unrestricted",
            "network.pod-egress-unrestricted",
          ),
        ],
        [
          "NET-3",
          "Resource limits and requests are set",
          auto("pod.resource-limits-missing", "pod.resource-requests-missing"),
        ],
        ["NET-4", "The API server is not exposed to the internet", auto("network.api-server-public")],
        ["NET-5", "etcd accepts only clients and peers with certificates", auto("node.etcd-client-auth")],
        [
          "NET-6",
          "Kubeconfig files are protected",
          manual("The locations and permissions of admin and component kubeconfig files, and who holds copies."),
        ],
        [
          "NET-7",
          "Nodes are segmented from the internet",
          auto(
            "node.public-ip",
            "node.control-plane-schedulable",
            "network.service-nodeport",
            "network.service-loadbalancer",
            "network.service-external-ips",
          ),
        ],
        [
          "NET-8",
          "Traffic is encrypted in transit",
          auto("network.ingress-no-tls", "network.gateway-listener-no-tls", "network.mtls-not-enforced"),
        ],
        [
          "NET-9",
          "Secrets are kept out of manifests and environment variables",
          auto("secrets.env-var-secret", "secrets.hardcoded-credential", "secrets.stale-secret"),
        ],
        ["NET-10", "Secrets are encrypted at rest in etcd", auto("node.apiserver-encryption-at-rest")],
        ["NET-11", "Cloud metadata services are not reachable from pods", auto("network.metadata-api-reachable")],
        [
          "NET-12",
          "Dashboards and admin UIs are not exposed",
          auto(
            "network.sensitive-ui-exposed",
            "network.route-exposes-admin-ui",
            "network.kubernetes-dashboard-installed",
          ),
        ],
      ],
    },
    {
      section: "Authentication and authorization",
      rows: [
        [
          "AUTH-1",
          "Anonymous access is disabled",
          auto(
            "secrets.rbac-anonymous",
            "node.kubelet-anonymous-auth",
            "node.apiserver-anonymous-auth",
            "node.anonymous-api-access",
          ),
        ],
        [
          "AUTH-2",
          "People authenticate through an identity provider",
          manual(
            "The API server authentication configuration (OIDC or the provider's IAM integration) and proof that no shared or static credentials are in use.",
          ),
          { critical: true },
        ],
        [
          "AUTH-3",
          "RBAC grants least privilege",
          auto(
            "secrets.rbac-cluster-admin",
            "secrets.rbac-wildcard",
            "secrets.rbac-secret-read",
            "secrets.rbac-privilege-escalation",
            "secrets.rbac-unbound-dangerous-role",
            "node.apiserver-authorization",
            "node.apiserver-admission-plugins",
            "node.controller-manager-exposure",
            "node.scheduler-exposure",
          ),
        ],
        [
          "AUTH-4",
          "Kubelets authorise requests",
          auto("node.kubelet-authz-always-allow", "node.kubelet-readonly-port"),
        ],
      ],
    },
    {
      section: "Audit logging and threat detection",
      rows: [
        ["LOG-1", "API server audit logging is on", auto("node.apiserver-audit-log")],
        [
          "LOG-2",
          "Node and container logs are collected centrally",
          manual("The log collection setup (agent, destination, retention) covering nodes and containers."),
        ],
        ["LOG-3", "Seccomp profiles restrict system calls", auto("pod.seccomp-missing", "pod.seccomp-unconfined")],
        [
          "LOG-4",
          "Alerts fire on suspicious activity",
          manual(
            "The alerting rules on audit and runtime events (for example exec into pods, new cluster-admin bindings) and who receives them.",
          ),
        ],
      ],
    },
    {
      section: "Upgrading and application security practices",
      rows: [
        [
          "UPG-1",
          "Kubernetes is on a supported version",
          auto("node.k8s-version-unsupported", "node.kubelet-version-skew"),
        ],
        [
          "UPG-2",
          "Node operating systems, runtimes and cluster add-ons are maintained",
          auto("node.os-image-eol", "node.container-runtime-outdated", "network.ingress-nginx-retired"),
        ],
        [
          "UPG-3",
          "Periodic reviews and penetration tests take place",
          manual(
            "Reports of the latest vulnerability review or penetration test of the cluster, with dates and follow-up.",
          ),
        ],
      ],
    },
  ],
);

export const NSA_CISA: Framework = {
  id: "nsa-cisa",
  title: "NSA/CISA Kubernetes Hardening Guide",
  version: "1.2",
  edition: "Version 1.2, August 2022.",
  // 2: the anonymous request the scanner makes (AUTH-1), admission that does not enforce (POD-5), image signatures (POD-4), Gateway API listeners and routes (NET-8, NET-12).
  mappingRevision: 2,
  url: "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
  controls: CONTROLS,
};
