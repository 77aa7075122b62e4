import type { LabelSelector, Meta, ResourceRef } from "./refs";

/** Kubelet settings read from /api/v1/nodes/{name}/proxy/configz, or why they could not be. */
export type KubeletConfig =
  | {
      status: "read";
      anonymousAuth: boolean | null;
      authorizationMode: string | null;
      readOnlyPort: number | null;
      rotateCertificates: boolean | null;
      serverTLSBootstrap: boolean | null;
    }
  | { status: "unavailable"; reason: string };

export type Node = {
  ref: ResourceRef;
  meta: Meta;
  providerID: string;
  addresses: { type: string; address: string }[];
  /** status.daemonEndpoints.kubeletEndpoint.Port, when the node reports it (10250 by default). */
  kubeletPort?: number;
  kubeletVersion: string;
  containerRuntimeVersion: string;
  osImage: string;
  conditions: { type: string; status: string }[];
  taints: { key: string; effect: string }[];
  kubelet: KubeletConfig;
};

export type Service = {
  ref: ResourceRef;
  meta: Meta;
  type: string;
  externalIPs: string[];
  selector: Record<string, string>;
  ports: { port: number; nodePort?: number; targetPort?: number | string; name?: string }[];
};

export type Ingress = {
  ref: ResourceRef;
  meta: Meta;
  hosts: string[];
  tlsHosts: string[];
  /** Whether a TLS section without hosts covers every host. */
  hasTlsWithoutHosts: boolean;
  backends: { service: string; port?: number | string }[];
};

export type NetworkPolicyPeer = {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
};
export type NetworkPolicyRule = { peers: NetworkPolicyPeer[] | null; ports: unknown[] | null };
export type NetworkPolicy = {
  ref: ResourceRef;
  /** "NetworkPolicy" (networking.k8s.io), "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "GlobalNetworkPolicy" (Calico). */
  podSelector: LabelSelector | null;
  policyTypes: ("Ingress" | "Egress")[];
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
  /** Raw spec of non-core policy kinds, for checks that understand them. */
  raw?: Record<string, unknown>;
};

export type ServiceAccount = { ref: ResourceRef; automountServiceAccountToken?: boolean };

export type PolicyRule = {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};
export type Role = { ref: ResourceRef; meta: Meta; rules: PolicyRule[]; aggregationSelectors?: LabelSelector[] };
export type Subject = { kind: string; name: string; namespace?: string };
export type RoleBinding = { ref: ResourceRef; roleRef: { kind: string; name: string }; subjects: Subject[] };

/** A config map reduced to the names of keys whose values look like credentials; values are never kept. */
export type ConfigMapScan = { ref: ResourceRef; credentialKeys: { key: string; kind: string }[] };
/** Secrets arrive as metadata only: their values are never read. */
export type SecretMeta = { ref: ResourceRef; creationTimestamp?: string; isServiceAccountToken: boolean };

export type PeerAuthentication = { ref: ResourceRef; mtlsMode: string | null; selector: Record<string, string> | null };

export type ClusterVersion = { major: string; minor: string; gitVersion: string };
