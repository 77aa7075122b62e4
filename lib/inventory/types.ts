import type {
  AdmissionPolicy,
  AdmissionPolicyBinding,
  AnonymousProbe,
  EnforcementMode,
  Gateway,
  HttpRoute,
  WebhookFailOpen,
} from "./admission-types";
import type {
  ClusterVersion,
  ConfigMapScan,
  Ingress,
  NetworkPolicy,
  Node,
  PeerAuthentication,
  Role,
  RoleBinding,
  SecretMeta,
  Service,
  ServiceAccount,
} from "./cluster-types";
import type { PodSpec } from "./pod-spec";
import type { LabelSelector, Meta, ResourceRef } from "./refs";

export type { LabelSelector, Meta, ResourceRef, SourceLocation } from "./refs";

export const POD_BEARING_KINDS = [
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "ReplicationController",
  "PodTemplate",
] as const;
export type PodBearingKind = (typeof POD_BEARING_KINDS)[number];

/** A Pod, or any object that carries a pod template, reduced to what checks read. */
export type Workload = {
  ref: ResourceRef & { kind: PodBearingKind };
  meta: Meta;
  /** The pod template's own metadata (the pod's, for a Pod). */
  podMeta: Pick<Meta, "labels" | "annotations">;
  spec: PodSpec;
  /** Desired replicas, for Deployments, StatefulSets, ReplicaSets and ReplicationControllers. */
  replicas?: number;
  /** The selector of the controller (matchLabels only). */
  selector?: Record<string, string>;
};

/** The cluster itself, for cluster-level checks (admission, scanning, API endpoint, versions). */
export const CLUSTER_REF: ResourceRef = Object.freeze({ kind: "Cluster", namespace: "", name: "cluster" });

export type Namespace = { ref: ResourceRef; meta: Meta };

/** `minAvailable` / `maxUnavailable` as written: a count or a percentage ("50%"); absent when not set. */
export type PodDisruptionBudget = {
  ref: ResourceRef;
  selector: LabelSelector | null;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
};
/** A HorizontalPodAutoscaler: the workload it scales and its floor. */
export type HorizontalPodAutoscaler = { ref: ResourceRef; target: { kind: string; name: string }; minReplicas: number };
export type RuntimeClass = { ref: ResourceRef; handler: string };
export type AdmissionWebhook = {
  ref: ResourceRef;
  kind: "ValidatingWebhookConfiguration" | "MutatingWebhookConfiguration";
  webhookNames: string[];
  webhooks: WebhookFailOpen[];
};
export type VulnerabilityReport = {
  ref: ResourceRef;
  /** "registry/repository:tag" or with @digest, as the scanner reports it. */
  image: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
};
/**
 * Policy-engine objects (Kyverno policies, Gatekeeper templates, sigstore policy-controller
 * ClusterImagePolicies): how its validate rules act on a violation (`mode`), and how its image
 * signature verification does (`imageVerification`); null where it has no such rule.
 */
export type PolicyEngineObject = {
  ref: ResourceRef;
  engine: "kyverno" | "gatekeeper" | "sigstore" | "other";
  mode: EnforcementMode;
  imageVerification: EnforcementMode;
};

/** Kinds of data a check can need; a kind that could not be read makes dependent checks "not evaluated". */
export type InventoryKind =
  | "workloads"
  | "namespaces"
  | "podDisruptionBudgets"
  | "horizontalPodAutoscalers"
  | "runtimeClasses"
  | "admissionWebhooks"
  | "vulnerabilityReports"
  | "policyEngines"
  | "version"
  | "nodes"
  | "services"
  | "ingresses"
  | "networkPolicies"
  | "serviceAccounts"
  | "roles"
  | "roleBindings"
  | "configMaps"
  | "secrets"
  | "peerAuthentications"
  | "admissionPolicies"
  | "gateways"
  | "httpRoutes"
  | "anonymousAccess";

/** Why a kind of data is missing: what could not be read, and what would fix it. */
export type CollectionWarning = {
  kind: InventoryKind | string;
  status: number | null;
  reason: string;
  /**
   * Kubernetes kinds whose findings this scan kept as they were because of this failure: the
   * kind that could not be read, and the kinds of the objects that would have stood in for it.
   */
  heldKinds?: string[];
};

/**
 * Findings a scan neither opens nor closes, because what they depend on could not be read:
 * those on objects of `kinds`, on `resources` (objects that would have stood in for an unread
 * owner), and, of `checks` (checks that read data collected only in part, such as workloads of
 * some kinds), every finding not on a workload of a kind that was read.
 */
export type HeldFindings = { kinds: string[]; resources: ResourceRef[]; partial: InventoryKind[]; checks?: string[] };

/** Everything the checks know about one cluster or one set of manifests. Plain data, no I/O. */
export type Inventory = {
  source: "cluster" | "manifests";
  workloads: Workload[];
  namespaces: Namespace[];
  podDisruptionBudgets: PodDisruptionBudget[];
  horizontalPodAutoscalers: HorizontalPodAutoscaler[];
  runtimeClasses: RuntimeClass[];
  admissionWebhooks: AdmissionWebhook[];
  vulnerabilityReports: VulnerabilityReport[];
  policyEngines: PolicyEngineObject[];
  version: ClusterVersion | null;
  /** The API endpoint the cluster was reached at, with the addresses its name resolved to. */
  apiServer: { host: string; addresses: string[] } | null;
  nodes: Node[];
  services: Service[];
  ingresses: Ingress[];
  /** Core NetworkPolicies and, where installed, Cilium and Calico policies. */
  networkPolicies: NetworkPolicy[];
  serviceAccounts: ServiceAccount[];
  /** Roles and ClusterRoles (namespace "" for ClusterRoles). */
  roles: Role[];
  /** RoleBindings and ClusterRoleBindings. */
  roleBindings: RoleBinding[];
  configMaps: ConfigMapScan[];
  secrets: SecretMeta[];
  peerAuthentications: PeerAuthentication[];
  /** ValidatingAdmissionPolicies and their bindings (both the "admissionPolicies" kind). */
  admissionPolicies: AdmissionPolicy[];
  admissionPolicyBindings: AdmissionPolicyBinding[];
  /** Gateway API (gateway.networking.k8s.io/v1), where installed. */
  gateways: Gateway[];
  httpRoutes: HttpRoute[];
  /** The answer to the scanner's unauthenticated request ("anonymousAccess"); null when not made. */
  anonymousProbe: AnonymousProbe | null;
  /** Kinds that could not be collected, with the reason (forbidden, a list that failed…): checks reading them are "not evaluated". */
  missing: Partial<Record<InventoryKind, string>>;
  /** Kinds this source cannot hold (manifests carry no nodes): checks reading them are "not applicable" here. */
  notApplicable: Partial<Record<InventoryKind, string>>;
  warnings: CollectionWarning[];
};

export function emptyInventory(source: Inventory["source"]): Inventory {
  return {
    source,
    workloads: [],
    namespaces: [],
    podDisruptionBudgets: [],
    horizontalPodAutoscalers: [],
    runtimeClasses: [],
    admissionWebhooks: [],
    vulnerabilityReports: [],
    policyEngines: [],
    version: null,
    apiServer: null,
    nodes: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    serviceAccounts: [],
    roles: [],
    roleBindings: [],
    configMaps: [],
    secrets: [],
    peerAuthentications: [],
    admissionPolicies: [],
    admissionPolicyBindings: [],
    gateways: [],
    httpRoutes: [],
    anonymousProbe: null,
    missing: {},
    notApplicable: {},
    warnings: [],
  };
}
