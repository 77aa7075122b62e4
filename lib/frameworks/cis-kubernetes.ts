import { auto, autoOnly, defineControls, manual } from "./define";
import type { Framework } from "./types";

// Control numbers follow CIS Kubernetes Benchmark v1.12.0; titles are our own summaries.
// Bulwark reads the cluster through its API: control plane flags come from the static pods of
// self-managed control planes; what lives only in files on the hosts is judged manually, with
// the evidence an auditor asks for.

const onHosts = (where: string) => (what: string, expected: string) =>
  manual(`Output of \`stat -c '%a %U:%G'\` for ${what} on every ${where}, showing ${expected}.`);
const cp = onHosts("control plane node");
const worker = onHosts("node");
const apiFlag = (what: string) =>
  manual(`The kube-apiserver arguments (static pod manifest or \`ps\` on each control plane node) showing ${what}.`);
const cmFlag = (what: string) =>
  manual(`The kube-controller-manager arguments on each control plane node showing ${what}.`);
const etcdFlag = (what: string) => manual(`The etcd arguments or environment on each etcd member showing ${what}.`);
const kubeletSetting = (what: string) =>
  manual(`The kubelet configuration (\`/configz\` or the config file) of every node showing ${what}.`);
const rbacReview = (what: string) =>
  manual(
    `A review of Roles and ClusterRoles with their bindings listing every subject that ${what}, each with a recorded justification.`,
  );
const PSS = (check: string) => auto(`pod.${check}`);

const CONTROLS = defineControls(
  (id) => `CIS Kubernetes Benchmark v1.12.0, recommendation ${id}`,
  [
    {
      section: "1.1 Control plane node files",
      controlPlane: true,
      rows: [
        [
          "1.1.1",
          "API server manifest mode 600 or stricter",
          cp("the kube-apiserver static pod manifest", "mode 600 or stricter"),
        ],
        ["1.1.2", "API server manifest owned by root", cp("the kube-apiserver static pod manifest", "owner root:root")],
        [
          "1.1.3",
          "Controller manager manifest mode 600 or stricter",
          cp("the kube-controller-manager static pod manifest", "mode 600 or stricter"),
        ],
        [
          "1.1.4",
          "Controller manager manifest owned by root",
          cp("the kube-controller-manager static pod manifest", "owner root:root"),
        ],
        [
          "1.1.5",
          "Scheduler manifest mode 600 or stricter",
          cp("the kube-scheduler static pod manifest", "mode 600 or stricter"),
        ],
        ["1.1.6", "Scheduler manifest owned by root", cp("the kube-scheduler static pod manifest", "owner root:root")],
        ["1.1.7", "etcd manifest mode 600 or stricter", cp("the etcd static pod manifest", "mode 600 or stricter")],
        ["1.1.8", "etcd manifest owned by root", cp("the etcd static pod manifest", "owner root:root")],
        [
          "1.1.9",
          "CNI configuration files mode 600 or stricter",
          cp("the CNI configuration files", "mode 600 or stricter"),
        ],
        ["1.1.10", "CNI configuration files owned by root", cp("the CNI configuration files", "owner root:root")],
        ["1.1.11", "etcd data directory mode 700 or stricter", cp("the etcd data directory", "mode 700 or stricter")],
        ["1.1.12", "etcd data directory owned by etcd", cp("the etcd data directory", "owner etcd:etcd")],
        ["1.1.13", "Admin kubeconfig files mode 600", cp("admin.conf and super-admin.conf", "mode 600")],
        ["1.1.14", "Admin kubeconfig files owned by root", cp("admin.conf and super-admin.conf", "owner root:root")],
        ["1.1.15", "Scheduler kubeconfig mode 600 or stricter", cp("scheduler.conf", "mode 600 or stricter")],
        ["1.1.16", "Scheduler kubeconfig owned by root", cp("scheduler.conf", "owner root:root")],
        [
          "1.1.17",
          "Controller manager kubeconfig mode 600 or stricter",
          cp("controller-manager.conf", "mode 600 or stricter"),
        ],
        ["1.1.18", "Controller manager kubeconfig owned by root", cp("controller-manager.conf", "owner root:root")],
        [
          "1.1.19",
          "PKI directory and files owned by root",
          cp("everything under /etc/kubernetes/pki", "owner root:root"),
        ],
        [
          "1.1.20",
          "PKI certificates mode 644 or stricter",
          cp("the certificates under /etc/kubernetes/pki", "mode 644 or stricter"),
        ],
        ["1.1.21", "PKI private keys mode 600", cp("the keys under /etc/kubernetes/pki", "mode 600")],
      ],
    },
    {
      section: "1.2 API server",
      controlPlane: true,
      rows: [
        [
          "1.2.1",
          "Anonymous requests to the API server are off",
          auto("node.apiserver-anonymous-auth", "node.anonymous-api-access"),
        ],
        ["1.2.2", "No static token file", apiFlag("no --token-auth-file")],
        [
          "1.2.3",
          "DenyServiceExternalIPs admission enabled",
          apiFlag("DenyServiceExternalIPs in --enable-admission-plugins"),
        ],
        [
          "1.2.4",
          "API server authenticates to kubelets with a client certificate",
          apiFlag("--kubelet-client-certificate and --kubelet-client-key"),
        ],
        ["1.2.5", "API server verifies kubelet serving certificates", apiFlag("--kubelet-certificate-authority")],
        ["1.2.6", "Authorization is not AlwaysAllow", autoOnly("node.apiserver-authorization", "AlwaysAllow")],
        ["1.2.7", "Node authorizer enabled", autoOnly("node.apiserver-authorization", "lacks Node")],
        ["1.2.8", "RBAC authorizer enabled", autoOnly("node.apiserver-authorization", "lacks RBAC")],
        [
          "1.2.9",
          "EventRateLimit admission enabled",
          apiFlag("EventRateLimit in --enable-admission-plugins with its configuration file"),
        ],
        ["1.2.10", "AlwaysAdmit admission not enabled", autoOnly("node.apiserver-admission-plugins", "AlwaysAdmit")],
        ["1.2.11", "AlwaysPullImages admission enabled", apiFlag("AlwaysPullImages in --enable-admission-plugins")],
        [
          "1.2.12",
          "ServiceAccount admission not disabled",
          autoOnly("node.apiserver-admission-plugins", "the ServiceAccount"),
        ],
        [
          "1.2.13",
          "NamespaceLifecycle admission not disabled",
          autoOnly("node.apiserver-admission-plugins", "NamespaceLifecycle"),
        ],
        [
          "1.2.14",
          "NodeRestriction admission enabled",
          autoOnly("node.apiserver-admission-plugins", "NodeRestriction"),
        ],
        ["1.2.15", "API server profiling off", apiFlag("--profiling=false")],
        ["1.2.16", "API server writes an audit log", autoOnly("node.apiserver-audit-log", "writes no audit log")],
        ["1.2.17", "Audit logs kept at least 30 days", autoOnly("node.apiserver-audit-log", "--audit-log-maxage")],
        ["1.2.18", "At least 10 audit log backups kept", autoOnly("node.apiserver-audit-log", "--audit-log-maxbackup")],
        [
          "1.2.19",
          "Audit log files rotate at 100 MB or more",
          autoOnly("node.apiserver-audit-log", "--audit-log-maxsize"),
        ],
        [
          "1.2.20",
          "Request timeout set deliberately",
          apiFlag("--request-timeout, or a note that the default suits the cluster"),
        ],
        [
          "1.2.21",
          "Service account tokens looked up in etcd",
          apiFlag("--service-account-lookup=true or the flag absent"),
        ],
        ["1.2.22", "Service account verification key set", apiFlag("--service-account-key-file")],
        [
          "1.2.23",
          "API server authenticates to etcd with a client certificate",
          apiFlag("--etcd-certfile and --etcd-keyfile"),
        ],
        [
          "1.2.24",
          "API server serves TLS with its own certificate",
          apiFlag("--tls-cert-file and --tls-private-key-file"),
        ],
        ["1.2.25", "Client certificate authority set", apiFlag("--client-ca-file")],
        ["1.2.26", "API server verifies etcd's certificate", apiFlag("--etcd-cafile")],
        ["1.2.27", "Encryption at rest configured", auto("node.apiserver-encryption-at-rest")],
        [
          "1.2.28",
          "Encryption at rest uses a strong provider",
          manual(
            "The encryption configuration file showing aescbc, secretbox or kms (v2) as the first provider for Secrets.",
          ),
          { critical: true },
        ],
        ["1.2.29", "API server accepts only strong TLS ciphers", apiFlag("--tls-cipher-suites limited to AEAD suites")],
        [
          "1.2.30",
          "Service account token lifetime not extended",
          apiFlag("--service-account-extend-token-expiration=false"),
        ],
      ],
    },
    {
      section: "1.3 Controller manager",
      controlPlane: true,
      rows: [
        ["1.3.1", "Terminated pod garbage collection threshold set", cmFlag("--terminated-pod-gc-threshold")],
        ["1.3.2", "Controller manager profiling off", autoOnly("node.controller-manager-exposure", "--profiling")],
        ["1.3.3", "Each controller uses its own service account", cmFlag("--use-service-account-credentials=true")],
        ["1.3.4", "Service account signing key set", cmFlag("--service-account-private-key-file")],
        ["1.3.5", "Root CA file given to service accounts", cmFlag("--root-ca-file")],
        [
          "1.3.6",
          "Kubelet serving certificate rotation not disabled",
          cmFlag("no RotateKubeletServerCertificate=false in --feature-gates"),
        ],
        [
          "1.3.7",
          "Controller manager bound to localhost",
          autoOnly("node.controller-manager-exposure", "--bind-address"),
        ],
      ],
    },
    {
      section: "1.4 Scheduler",
      controlPlane: true,
      rows: [
        ["1.4.1", "Scheduler profiling off", autoOnly("node.scheduler-exposure", "--profiling")],
        ["1.4.2", "Scheduler bound to localhost", autoOnly("node.scheduler-exposure", "--bind-address")],
      ],
    },
    {
      section: "2 etcd",
      controlPlane: true,
      rows: [
        ["2.1", "etcd serves client TLS", etcdFlag("--cert-file and --key-file")],
        ["2.2", "etcd requires client certificates", autoOnly("node.etcd-client-auth", "(--client-cert-auth)")],
        ["2.3", "etcd does not self-sign client TLS", autoOnly("node.etcd-client-auth", "(--auto-tls)")],
        ["2.4", "etcd peers use TLS", etcdFlag("--peer-cert-file and --peer-key-file")],
        ["2.5", "etcd peers require certificates", autoOnly("node.etcd-client-auth", "(--peer-client-cert-auth)")],
        ["2.6", "etcd does not self-sign peer TLS", autoOnly("node.etcd-client-auth", "(--peer-auto-tls)")],
        [
          "2.7",
          "etcd has its own certificate authority",
          manual("The etcd --trusted-ca-file and the API server --client-ca-file, showing different authorities."),
        ],
      ],
    },
    {
      section: "3.1 Authentication and authorization",
      rows: [
        [
          "3.1.1",
          "People do not sign in with client certificates",
          manual(
            "The identity provider configuration (OIDC or similar) and a list of issued client certificates, showing none is used by a person.",
          ),
        ],
        [
          "3.1.2",
          "People do not sign in with service account tokens",
          manual(
            "The identity provider configuration and a review of long-lived service account tokens, showing none is used by a person.",
          ),
        ],
        [
          "3.1.3",
          "People do not sign in with bootstrap tokens",
          manual(
            "The list of bootstrap token Secrets in kube-system, showing each belongs to node joining and expires.",
          ),
        ],
      ],
    },
    {
      section: "3.2 Logging",
      rows: [
        [
          "3.2.1",
          "A minimal audit policy exists",
          manual("The audit policy file (or the provider's control plane logging setting) in force on the API server."),
        ],
        [
          "3.2.2",
          "The audit policy covers the key security events",
          manual(
            "The audit policy, showing Secrets and token reviews at Metadata level, pod and workload changes, and exec, attach, port-forward and proxy calls.",
          ),
        ],
      ],
    },
    {
      section: "4.1 Worker node files",
      rows: [
        [
          "4.1.1",
          "Kubelet service file mode 600 or stricter",
          worker("the kubelet service unit", "mode 600 or stricter"),
        ],
        ["4.1.2", "Kubelet service file owned by root", worker("the kubelet service unit", "owner root:root")],
        [
          "4.1.3",
          "kube-proxy kubeconfig mode 600 or stricter",
          worker("the kube-proxy kubeconfig, where one exists", "mode 600 or stricter"),
        ],
        [
          "4.1.4",
          "kube-proxy kubeconfig owned by root",
          worker("the kube-proxy kubeconfig, where one exists", "owner root:root"),
        ],
        ["4.1.5", "Kubelet kubeconfig mode 600 or stricter", worker("kubelet.conf", "mode 600 or stricter")],
        ["4.1.6", "Kubelet kubeconfig owned by root", worker("kubelet.conf", "owner root:root")],
        [
          "4.1.7",
          "Kubelet client CA file mode 644 or stricter",
          worker("the kubelet's client CA file", "mode 644 or stricter"),
        ],
        ["4.1.8", "Kubelet client CA file owned by root", worker("the kubelet's client CA file", "owner root:root")],
        [
          "4.1.9",
          "Kubelet config file mode 600 or stricter",
          worker("the kubelet config.yaml", "mode 600 or stricter"),
        ],
        ["4.1.10", "Kubelet config file owned by root", worker("the kubelet config.yaml", "owner root:root")],
      ],
    },
    {
      section: "4.2 Kubelet",
      rows: [
        ["4.2.1", "Kubelets refuse anonymous requests", auto("node.kubelet-anonymous-auth")],
        ["4.2.2", "Kubelets do not authorise every request", auto("node.kubelet-authz-always-allow")],
        ["4.2.3", "Kubelets verify client certificates", kubeletSetting("authentication.x509.clientCAFile")],
        ["4.2.4", "Kubelet read-only port closed", auto("node.kubelet-readonly-port")],
        ["4.2.5", "Streaming connections time out", kubeletSetting("a non-zero streamingConnectionIdleTimeout")],
        ["4.2.6", "Kubelet manages its iptables chains", kubeletSetting("makeIPTablesUtilChains: true")],
        [
          "4.2.7",
          "Kubelet hostname not overridden",
          manual("The kubelet command line of every node, showing no --hostname-override."),
        ],
        ["4.2.8", "Kubelet event rate keeps enough events", kubeletSetting("an eventRecordQPS suited to the cluster")],
        [
          "4.2.9",
          "Kubelets serve TLS with their own certificates",
          kubeletSetting("tlsCertFile and tlsPrivateKeyFile, or serverTLSBootstrap: true"),
        ],
        ["4.2.10", "Kubelet client certificates rotate", autoOnly("node.kubelet-cert-rotation", "rotateCertificates")],
        ["4.2.11", "Kubelet serving certificates rotate", autoOnly("node.kubelet-cert-rotation", "serverTLSBootstrap")],
        ["4.2.12", "Kubelets accept only strong TLS ciphers", kubeletSetting("tlsCipherSuites limited to AEAD suites")],
        ["4.2.13", "Pod PID limit set", kubeletSetting("podPidsLimit")],
        ["4.2.14", "Seccomp on by default", kubeletSetting("seccompDefault: true")],
      ],
    },
    {
      section: "4.3 kube-proxy",
      rows: [
        [
          "4.3.1",
          "kube-proxy metrics bound to localhost",
          manual(
            "The kube-proxy configuration (ConfigMap kube-system/kube-proxy or flags) showing metricsBindAddress on 127.0.0.1.",
          ),
        ],
      ],
    },
    {
      section: "5.1 RBAC and service accounts",
      rows: [
        ["5.1.1", "cluster-admin only where required", autoOnly("secrets.rbac-cluster-admin", "holds cluster-admin")],
        ["5.1.2", "Few subjects can read Secrets", auto("secrets.rbac-secret-read")],
        ["5.1.3", "No wildcards in roles", auto("secrets.rbac-wildcard")],
        ["5.1.4", "Few subjects can create pods", autoOnly("secrets.rbac-privilege-escalation", "can create pods")],
        [
          "5.1.5",
          "Default service accounts not used",
          auto("secrets.default-service-account", "secrets.default-sa-automount"),
        ],
        ["5.1.6", "Service account tokens mounted only where needed", auto("secrets.sa-token-automount")],
        ["5.1.7", "system:masters not used", autoOnly("secrets.rbac-cluster-admin", "system:masters")],
        [
          "5.1.8",
          "Few subjects can bind, escalate or impersonate",
          autoOnly("secrets.rbac-privilege-escalation", "can bind", "can escalate", "can impersonate"),
        ],
        ["5.1.9", "Few subjects can create PersistentVolumes", rbacReview("can create PersistentVolumes")],
        ["5.1.10", "Few subjects can use nodes/proxy", autoOnly("secrets.rbac-privilege-escalation", "nodes/proxy")],
        [
          "5.1.11",
          "Few subjects can approve certificate requests",
          rbacReview("can update certificatesigningrequests/approval"),
        ],
        [
          "5.1.12",
          "Few subjects can change admission webhooks",
          rbacReview("can create, update or delete validating or mutating webhook configurations"),
        ],
        [
          "5.1.13",
          "Few subjects can mint service account tokens",
          autoOnly("secrets.rbac-privilege-escalation", "service-account tokens"),
        ],
      ],
    },
    {
      section: "5.2 Pod Security Standards",
      rows: [
        [
          "5.2.1",
          "An admission policy guards every namespace",
          auto("pod.no-admission-policy", "pod.namespace-psa-missing", "pod.admission-policy-not-enforcing"),
        ],
        ["5.2.2", "No privileged containers", PSS("privileged")],
        ["5.2.3", "No pods in the host PID namespace", autoOnly("pod.host-namespaces", "hostPID")],
        ["5.2.4", "No pods in the host IPC namespace", autoOnly("pod.host-namespaces", "hostIPC")],
        ["5.2.5", "No pods on the host network", autoOnly("pod.host-namespaces", "hostNetwork")],
        ["5.2.6", "Privilege escalation disallowed", PSS("privilege-escalation")],
        ["5.2.7", "No root containers", auto("pod.run-as-non-root", "pod.run-as-root-user")],
        ["5.2.8", "No NET_RAW capability", auto("pod.capabilities-baseline", "pod.capabilities-not-dropped")],
        ["5.2.9", "Capabilities dropped", auto("pod.capabilities-baseline", "pod.capabilities-not-dropped")],
        ["5.2.10", "No Windows HostProcess containers", PSS("host-process")],
        ["5.2.11", "No hostPath volumes", PSS("host-path")],
        ["5.2.12", "No host ports", PSS("host-ports")],
      ],
    },
    {
      section: "5.3 Network policies and CNI",
      rows: [
        [
          "5.3.1",
          "The CNI enforces NetworkPolicies",
          manual("The CNI plugin and version, and a test showing a deny-all NetworkPolicy blocks traffic."),
        ],
        ["5.3.2", "Every namespace has NetworkPolicies", auto("network.namespace-no-policy")],
      ],
    },
    {
      section: "5.4 Secrets management",
      rows: [
        ["5.4.1", "Secrets mounted as files, not environment variables", auto("secrets.env-var-secret")],
        [
          "5.4.2",
          "External secret storage considered",
          manual(
            "The secrets management design: the external store used (or why none is), and how workloads receive secrets.",
          ),
        ],
      ],
    },
    {
      section: "5.5 Extensible admission control",
      rows: [["5.5.1", "Image provenance enforced at admission", auto("container.image-signature-not-enforced")]],
    },
    {
      section: "5.6 General policies",
      rows: [
        [
          "5.6.1",
          "Namespaces separate administrative boundaries",
          manual("The list of namespaces with their owners, showing teams and environments are separated."),
        ],
        ["5.6.2", "Pods use a seccomp profile", auto("pod.seccomp-missing", "pod.seccomp-unconfined")],
        [
          "5.6.3",
          "Pods and containers set a security context",
          auto(
            "pod.run-as-non-root",
            "pod.privilege-escalation",
            "pod.capabilities-not-dropped",
            "container.writable-root-fs",
          ),
        ],
        ["5.6.4", "The default namespace is not used", auto("pod.default-namespace")],
      ],
    },
  ],
);

export const CIS_KUBERNETES: Framework = {
  id: "cis-kubernetes",
  title: "CIS Kubernetes Benchmark",
  version: "1.12.0",
  edition:
    "v1.12.0, for Kubernetes 1.32–1.33. On EKS, GKE and AKS the control plane sections (1 and 2) are the provider's.",
  // 2: 1.2.1 adds the anonymous request the scanner makes, 5.2.1 policies that only audit, 5.5.1 judged by image signature verification (was manual).
  mappingRevision: 2,
  url: "https://www.cisecurity.org/benchmark/kubernetes",
  controls: CONTROLS,
};
