import type { InventoryKind } from "@/lib/inventory/types";

/** One resource type the collector lists, and which part of the inventory it feeds. */
export type ResourceKind = {
  kind: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  target: InventoryKind;
  /** An add-on's API (CRD), or one newer than some clusters: absent from discovery, or 404, means "not installed", not an error. */
  optional?: boolean;
  /** Ask for PartialObjectMetadataList: the server sends metadata only (Secrets). */
  metadataOnly?: boolean;
  fieldSelector?: string;
};

const core = (
  kind: string,
  plural: string,
  namespaced: boolean,
  target: InventoryKind,
  extra: Partial<ResourceKind> = {},
): ResourceKind => ({ kind, group: "", version: "v1", plural, namespaced, target, ...extra });
const api = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  target: InventoryKind,
  extra: Partial<ResourceKind> = {},
): ResourceKind => ({ kind, group, version, plural, namespaced, target, ...extra });

/** Everything Bulwark reads from a cluster. Each entry is a read-only LIST (see deploy/clusterrole.yaml). */
export const RESOURCE_KINDS: ResourceKind[] = [
  core("Namespace", "namespaces", false, "namespaces"),
  core("Node", "nodes", false, "nodes"),
  core("Pod", "pods", true, "workloads"),
  core("ReplicationController", "replicationcontrollers", true, "workloads"),
  core("PodTemplate", "podtemplates", true, "workloads"),
  api("apps", "v1", "Deployment", "deployments", true, "workloads"),
  api("apps", "v1", "StatefulSet", "statefulsets", true, "workloads"),
  api("apps", "v1", "DaemonSet", "daemonsets", true, "workloads"),
  api("apps", "v1", "ReplicaSet", "replicasets", true, "workloads"),
  api("batch", "v1", "Job", "jobs", true, "workloads"),
  api("batch", "v1", "CronJob", "cronjobs", true, "workloads"),
  core("Service", "services", true, "services"),
  api("networking.k8s.io", "v1", "Ingress", "ingresses", true, "ingresses"),
  api("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, "networkPolicies"),
  core("ServiceAccount", "serviceaccounts", true, "serviceAccounts"),
  api("rbac.authorization.k8s.io", "v1", "Role", "roles", true, "roles"),
  api("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, "roles"),
  api("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, "roleBindings"),
  api("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, "roleBindings"),
  api("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, "podDisruptionBudgets"),
  api("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "horizontalPodAutoscalers"),
  api("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", false, "runtimeClasses"),
  api(
    "admissionregistration.k8s.io",
    "v1",
    "ValidatingWebhookConfiguration",
    "validatingwebhookconfigurations",
    false,
    "admissionWebhooks",
  ),
  api(
    "admissionregistration.k8s.io",
    "v1",
    "MutatingWebhookConfiguration",
    "mutatingwebhookconfigurations",
    false,
    "admissionWebhooks",
  ),
  core("ConfigMap", "configmaps", true, "configMaps"),
  // Secret values are never requested: metadata only, and the token type through a field selector.
  core("Secret", "secrets", true, "secrets", { metadataOnly: true }),
  core("Secret", "secrets", true, "secrets", {
    metadataOnly: true,
    fieldSelector: "type=kubernetes.io/service-account-token",
  }),
  api(
    "aquasecurity.github.io",
    "v1alpha1",
    "VulnerabilityReport",
    "vulnerabilityreports",
    true,
    "vulnerabilityReports",
    { optional: true },
  ),
  api("security.istio.io", "v1", "PeerAuthentication", "peerauthentications", true, "peerAuthentications", {
    optional: true,
  }),
  // Built in since Kubernetes 1.30: an older API server answers 404, which means none exist.
  api(
    "admissionregistration.k8s.io",
    "v1",
    "ValidatingAdmissionPolicy",
    "validatingadmissionpolicies",
    false,
    "admissionPolicies",
    { optional: true },
  ),
  api(
    "admissionregistration.k8s.io",
    "v1",
    "ValidatingAdmissionPolicyBinding",
    "validatingadmissionpolicybindings",
    false,
    "admissionPolicies",
    { optional: true },
  ),
  api("kyverno.io", "v1", "ClusterPolicy", "clusterpolicies", false, "policyEngines", { optional: true }),
  api("kyverno.io", "v1", "Policy", "policies", true, "policyEngines", { optional: true }),
  api("policy.sigstore.dev", "v1beta1", "ClusterImagePolicy", "clusterimagepolicies", false, "policyEngines", {
    optional: true,
  }),
  api("gateway.networking.k8s.io", "v1", "Gateway", "gateways", true, "gateways", { optional: true }),
  api("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true, "httpRoutes", { optional: true }),
  api("gateway.networking.k8s.io", "v1", "GRPCRoute", "grpcroutes", true, "httpRoutes", { optional: true }),
  api("templates.gatekeeper.sh", "v1", "ConstraintTemplate", "constrainttemplates", false, "policyEngines", {
    optional: true,
  }),
  api("cilium.io", "v2", "CiliumNetworkPolicy", "ciliumnetworkpolicies", true, "networkPolicies", { optional: true }),
  api(
    "cilium.io",
    "v2",
    "CiliumClusterwideNetworkPolicy",
    "ciliumclusterwidenetworkpolicies",
    false,
    "networkPolicies",
    { optional: true },
  ),
  api("crd.projectcalico.org", "v1", "GlobalNetworkPolicy", "globalnetworkpolicies", false, "networkPolicies", {
    optional: true,
  }),
];

export const listPath = (k: ResourceKind) => `${k.group ? `/apis/${k.group}` : "/api"}/${k.version}/${k.plural}`;
export const resourceLabel = (k: ResourceKind) => (k.group ? `${k.plural}.${k.group}` : k.plural);
