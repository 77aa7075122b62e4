/**
 * The resource types this double serves, as the real API server names them. Kept apart from
 * the collector's own table on purpose: a wrong plural on one side must make tests fail.
 */
export type ApiKind = {
  kind: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  /** First Kubernetes minor that serves it; older servers answer 404. */ since?: number;
};

export const API_KINDS: ApiKind[] = [
  { kind: "Namespace", group: "", version: "v1", plural: "namespaces", namespaced: false },
  { kind: "Node", group: "", version: "v1", plural: "nodes", namespaced: false },
  { kind: "Pod", group: "", version: "v1", plural: "pods", namespaced: true },
  { kind: "Service", group: "", version: "v1", plural: "services", namespaced: true },
  { kind: "ServiceAccount", group: "", version: "v1", plural: "serviceaccounts", namespaced: true },
  { kind: "ConfigMap", group: "", version: "v1", plural: "configmaps", namespaced: true },
  { kind: "Secret", group: "", version: "v1", plural: "secrets", namespaced: true },
  { kind: "ReplicationController", group: "", version: "v1", plural: "replicationcontrollers", namespaced: true },
  { kind: "PodTemplate", group: "", version: "v1", plural: "podtemplates", namespaced: true },
  { kind: "Deployment", group: "apps", version: "v1", plural: "deployments", namespaced: true },
  { kind: "StatefulSet", group: "apps", version: "v1", plural: "statefulsets", namespaced: true },
  { kind: "DaemonSet", group: "apps", version: "v1", plural: "daemonsets", namespaced: true },
  { kind: "ReplicaSet", group: "apps", version: "v1", plural: "replicasets", namespaced: true },
  { kind: "Job", group: "batch", version: "v1", plural: "jobs", namespaced: true },
  { kind: "CronJob", group: "batch", version: "v1", plural: "cronjobs", namespaced: true },
  { kind: "Ingress", group: "networking.k8s.io", version: "v1", plural: "ingresses", namespaced: true },
  { kind: "NetworkPolicy", group: "networking.k8s.io", version: "v1", plural: "networkpolicies", namespaced: true },
  { kind: "Role", group: "rbac.authorization.k8s.io", version: "v1", plural: "roles", namespaced: true },
  { kind: "ClusterRole", group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterroles", namespaced: false },
  { kind: "RoleBinding", group: "rbac.authorization.k8s.io", version: "v1", plural: "rolebindings", namespaced: true },
  {
    kind: "ClusterRoleBinding",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    plural: "clusterrolebindings",
    namespaced: false,
  },
  { kind: "PodDisruptionBudget", group: "policy", version: "v1", plural: "poddisruptionbudgets", namespaced: true },
  {
    kind: "HorizontalPodAutoscaler",
    group: "autoscaling",
    version: "v2",
    plural: "horizontalpodautoscalers",
    namespaced: true,
  },
  { kind: "RuntimeClass", group: "node.k8s.io", version: "v1", plural: "runtimeclasses", namespaced: false },
  {
    kind: "ValidatingWebhookConfiguration",
    group: "admissionregistration.k8s.io",
    version: "v1",
    plural: "validatingwebhookconfigurations",
    namespaced: false,
  },
  {
    kind: "MutatingWebhookConfiguration",
    group: "admissionregistration.k8s.io",
    version: "v1",
    plural: "mutatingwebhookconfigurations",
    namespaced: false,
  },
  {
    kind: "VulnerabilityReport",
    group: "aquasecurity.github.io",
    version: "v1alpha1",
    plural: "vulnerabilityreports",
    namespaced: true,
  },
  {
    kind: "PeerAuthentication",
    group: "security.istio.io",
    version: "v1",
    plural: "peerauthentications",
    namespaced: true,
  },
  {
    kind: "ValidatingAdmissionPolicy",
    group: "admissionregistration.k8s.io",
    version: "v1",
    plural: "validatingadmissionpolicies",
    namespaced: false,
    since: 30,
  },
  {
    kind: "ValidatingAdmissionPolicyBinding",
    group: "admissionregistration.k8s.io",
    version: "v1",
    plural: "validatingadmissionpolicybindings",
    namespaced: false,
    since: 30,
  },
  { kind: "ClusterPolicy", group: "kyverno.io", version: "v1", plural: "clusterpolicies", namespaced: false },
  { kind: "Policy", group: "kyverno.io", version: "v1", plural: "policies", namespaced: true },
  {
    kind: "ClusterImagePolicy",
    group: "policy.sigstore.dev",
    version: "v1beta1",
    plural: "clusterimagepolicies",
    namespaced: false,
  },
  { kind: "Gateway", group: "gateway.networking.k8s.io", version: "v1", plural: "gateways", namespaced: true },
  { kind: "HTTPRoute", group: "gateway.networking.k8s.io", version: "v1", plural: "httproutes", namespaced: true },
  { kind: "GRPCRoute", group: "gateway.networking.k8s.io", version: "v1", plural: "grpcroutes", namespaced: true },
  {
    kind: "ConstraintTemplate",
    group: "templates.gatekeeper.sh",
    version: "v1",
    plural: "constrainttemplates",
    namespaced: false,
  },
  { kind: "CiliumNetworkPolicy", group: "cilium.io", version: "v2", plural: "ciliumnetworkpolicies", namespaced: true },
  {
    kind: "CiliumClusterwideNetworkPolicy",
    group: "cilium.io",
    version: "v2",
    plural: "ciliumclusterwidenetworkpolicies",
    namespaced: false,
  },
  {
    kind: "GlobalNetworkPolicy",
    group: "crd.projectcalico.org",
    version: "v1",
    plural: "globalnetworkpolicies",
    namespaced: false,
  },
];
