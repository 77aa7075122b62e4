import type { NetworkPolicyRule, PolicyRule } from "@/lib/inventory/cluster-types";
import type { PodSpec } from "@/lib/inventory/pod-spec";
import {
  emptyInventory,
  POD_BEARING_KINDS,
  type Inventory,
  type LabelSelector,
  type Meta,
  type PodBearingKind,
  type ResourceRef,
  type SourceLocation,
  type Workload,
} from "@/lib/inventory/types";
import { detectCredential } from "@/lib/secrets-detect/detect-credential";

import type { RawMeta, RawObject } from "./raw-object";
import { reducePodSpec } from "./reduce-pod-spec";
import { addAdmissionObject } from "./to-admission";

export type { RawObject } from "./raw-object";
type Template = { metadata?: RawMeta; spec?: PodSpec };

const isPodBearing = (kind: string): kind is PodBearingKind => (POD_BEARING_KINDS as readonly string[]).includes(kind);

/** Kinds without a namespace: a stray `metadata.namespace` on them (common in rendered charts) is ignored, as the API server ignores it. */
const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "ClusterRole",
  "ClusterRoleBinding",
  "RuntimeClass",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ClusterPolicy",
  "ConstraintTemplate",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ClusterImagePolicy",
  "CiliumClusterwideNetworkPolicy",
  "GlobalNetworkPolicy",
]);

function refOf(o: RawObject, source?: SourceLocation): ResourceRef {
  const namespace = CLUSTER_SCOPED.has(o.kind) ? "" : (o.metadata?.namespace ?? "");
  return { kind: o.kind, namespace, name: o.metadata?.name ?? "", ...(source ? { source } : {}) };
}

function metaOf(m: RawMeta | undefined): Meta {
  return {
    labels: m?.labels ?? {},
    annotations: m?.annotations ?? {},
    ...(m?.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
    ...(m?.ownerReferences?.length
      ? { ownerReferences: m.ownerReferences.map(({ kind, name, controller }) => ({ kind, name, controller })) }
      : {}),
  };
}

function templateOf(o: RawObject): Template | undefined {
  const spec = o.spec as Record<string, unknown> | undefined;
  switch (o.kind) {
    case "Pod":
      return { metadata: o.metadata, spec: spec as PodSpec };
    case "PodTemplate":
      return o.template as Template | undefined;
    case "CronJob":
      return (spec?.jobTemplate as { spec?: { template?: Template } } | undefined)?.spec?.template;
    default:
      return spec?.template as Template | undefined;
  }
}

/** Reduces a Pod or workload object to what the checks read; undefined when it has no pod spec. */
export function toWorkload(o: RawObject, source?: SourceLocation): Workload | undefined {
  if (!isPodBearing(o.kind)) return undefined;
  const template = templateOf(o);
  if (!template?.spec) return undefined;
  const spec = o.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } } | undefined;
  const hasReplicas = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"].includes(o.kind);
  return {
    ref: refOf(o, source) as Workload["ref"],
    meta: metaOf(o.metadata),
    podMeta: { labels: template.metadata?.labels ?? {}, annotations: template.metadata?.annotations ?? {} },
    spec: reducePodSpec(template.spec),
    ...(hasReplicas ? { replicas: spec?.replicas ?? 1 } : {}),
    ...(spec?.selector?.matchLabels ? { selector: spec.selector.matchLabels } : {}),
  };
}

const isCount = (v: unknown): v is number | string => typeof v === "number" || typeof v === "string";

/** Adds one object to the inventory in the collection it belongs to; unknown kinds are ignored. */
export function addObject(inventory: Inventory, o: RawObject, source?: SourceLocation): void {
  const workload = toWorkload(o, source);
  if (workload) {
    inventory.workloads.push(workload);
    return;
  }
  const ref = refOf(o, source);
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  switch (o.kind) {
    case "Namespace":
      inventory.namespaces.push({ ref, meta: metaOf(o.metadata) });
      return;
    case "PodDisruptionBudget":
      inventory.podDisruptionBudgets.push({
        ref,
        selector: (spec.selector as LabelSelector | undefined) ?? null,
        ...(isCount(spec.minAvailable) ? { minAvailable: spec.minAvailable } : {}),
        ...(isCount(spec.maxUnavailable) ? { maxUnavailable: spec.maxUnavailable } : {}),
      });
      return;
    case "HorizontalPodAutoscaler": {
      const target = (spec.scaleTargetRef ?? {}) as { kind?: string; name?: string };
      inventory.horizontalPodAutoscalers.push({
        ref,
        target: { kind: target.kind ?? "", name: target.name ?? "" },
        minReplicas: typeof spec.minReplicas === "number" ? spec.minReplicas : 1,
      });
      return;
    }
    case "RuntimeClass":
      inventory.runtimeClasses.push({ ref, handler: String(o.handler ?? "") });
      return;
    case "VulnerabilityReport": {
      const report = (o.report ?? {}) as {
        artifact?: { repository?: string; tag?: string; digest?: string };
        registry?: { server?: string };
        summary?: Record<string, number>;
      };
      const a = report.artifact ?? {};
      const image = `${report.registry?.server ? `${report.registry.server}/` : ""}${a.repository ?? ""}${a.tag ? `:${a.tag}` : ""}${a.digest ? `@${a.digest}` : ""}`;
      const s = report.summary ?? {};
      inventory.vulnerabilityReports.push({
        ref,
        image,
        critical: s.criticalCount ?? 0,
        high: s.highCount ?? 0,
        medium: s.mediumCount ?? 0,
        low: s.lowCount ?? 0,
      });
      return;
    }
    default:
      if (!addAdmissionObject(inventory, o, ref, spec)) addClusterObject(inventory, o, ref, spec);
  }
}

type Obj = Record<string, unknown>;
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

function policyRules(v: unknown): NetworkPolicyRule[] {
  return arr<Obj>(v).map((r) => ({
    peers: Array.isArray(r.from ?? r.to) ? arr(r.from ?? r.to) : null,
    ports: Array.isArray(r.ports) ? arr(r.ports) : null,
  }));
}

/** Node, network, RBAC and secret-related objects, reduced to what the checks read. */
function addClusterObject(inventory: Inventory, o: RawObject, ref: ResourceRef, spec: Obj): void {
  const status = (o.status ?? {}) as Obj;
  switch (o.kind) {
    case "Node": {
      const info = (status.nodeInfo ?? {}) as Obj;
      const kubeletPort = Number(
        (status.daemonEndpoints as { kubeletEndpoint?: { Port?: unknown } } | undefined)?.kubeletEndpoint?.Port,
      );
      inventory.nodes.push({
        ...(Number.isInteger(kubeletPort) && kubeletPort > 0 ? { kubeletPort } : {}),
        ref,
        meta: metaOf(o.metadata),
        providerID: String(spec.providerID ?? ""),
        addresses: arr<{ type: string; address: string }>(status.addresses).map(({ type, address }) => ({
          type,
          address,
        })),
        kubeletVersion: String(info.kubeletVersion ?? ""),
        containerRuntimeVersion: String(info.containerRuntimeVersion ?? ""),
        osImage: String(info.osImage ?? ""),
        conditions: arr<{ type: string; status: string }>(status.conditions).map(({ type, status: s }) => ({
          type,
          status: s,
        })),
        taints: arr<{ key: string; effect: string }>(spec.taints).map(({ key, effect }) => ({ key, effect })),
        kubelet: { status: "unavailable", reason: "kubelet configuration not collected" },
      });
      return;
    }
    case "Service":
      inventory.services.push({
        ref,
        meta: metaOf(o.metadata),
        type: String(spec.type ?? "ClusterIP"),
        externalIPs: arr<string>(spec.externalIPs),
        selector: (spec.selector as Record<string, string> | undefined) ?? {},
        ports: arr<{ port: number; nodePort?: number; targetPort?: number | string; name?: string }>(spec.ports).map(
          ({ port, nodePort, targetPort, name }) => ({ port, nodePort, targetPort, name }),
        ),
      });
      return;
    case "Ingress": {
      const tls = arr<{ hosts?: string[] }>(spec.tls);
      inventory.ingresses.push({
        ref,
        meta: metaOf(o.metadata),
        hosts: arr<{ host?: string }>(spec.rules).map((r) => r.host ?? "*"),
        tlsHosts: tls.flatMap((t) => t.hosts ?? []),
        hasTlsWithoutHosts: tls.some((t) => !t.hosts?.length),
        backends: arr<Obj>(spec.rules).flatMap((r) =>
          arr<Obj>((r.http as Obj | undefined)?.paths).map((p) => {
            const svc = ((p.backend as Obj | undefined)?.service ?? {}) as {
              name?: string;
              port?: { number?: number; name?: string };
            };
            return { service: svc.name ?? "", port: svc.port?.number ?? svc.port?.name };
          }),
        ),
      });
      return;
    }
    case "NetworkPolicy":
      if (o.apiVersion?.startsWith("networking.k8s.io/")) {
        const types = arr<"Ingress" | "Egress">(spec.policyTypes);
        inventory.networkPolicies.push({
          ref,
          podSelector: (spec.podSelector as LabelSelector | undefined) ?? {},
          // The API's default: Ingress always, Egress when the policy has egress rules.
          policyTypes: types.length ? types : ["Ingress", ...(Array.isArray(spec.egress) ? (["Egress"] as const) : [])],
          ingress: policyRules(spec.ingress),
          egress: policyRules(spec.egress),
        });
      } else {
        inventory.networkPolicies.push({ ref, podSelector: null, policyTypes: [], ingress: [], egress: [], raw: spec });
      }
      return;
    case "CiliumNetworkPolicy":
    case "CiliumClusterwideNetworkPolicy":
      // Cilium takes one rule set in `spec`, or several in a `specs` list: each is a policy of its own.
      for (const rules of [...(o.spec ? [spec] : []), ...arr<Obj>(o.specs)])
        inventory.networkPolicies.push({
          ref,
          podSelector: null,
          policyTypes: [],
          ingress: [],
          egress: [],
          raw: rules,
        });
      return;
    case "GlobalNetworkPolicy":
      inventory.networkPolicies.push({ ref, podSelector: null, policyTypes: [], ingress: [], egress: [], raw: spec });
      return;
    case "ServiceAccount":
      inventory.serviceAccounts.push({
        ref,
        ...(typeof o.automountServiceAccountToken === "boolean"
          ? { automountServiceAccountToken: o.automountServiceAccountToken }
          : {}),
      });
      return;
    case "Role":
    case "ClusterRole":
      inventory.roles.push({
        ref,
        meta: metaOf(o.metadata),
        rules: arr<PolicyRule>(o.rules).map((r) => ({
          apiGroups: r.apiGroups ?? [],
          resources: r.resources ?? [],
          verbs: r.verbs ?? [],
          ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
          ...(r.nonResourceURLs ? { nonResourceURLs: r.nonResourceURLs } : {}),
        })),
        ...(o.aggregationRule
          ? { aggregationSelectors: arr<LabelSelector>((o.aggregationRule as Obj).clusterRoleSelectors) }
          : {}),
      });
      return;
    case "RoleBinding":
    case "ClusterRoleBinding": {
      const roleRef = (o.roleRef ?? {}) as { kind?: string; name?: string };
      inventory.roleBindings.push({
        ref,
        roleRef: { kind: roleRef.kind ?? "", name: roleRef.name ?? "" },
        subjects: arr<{ kind: string; name: string; namespace?: string }>(o.subjects).map(
          ({ kind, name, namespace }) => ({ kind, name, ...(namespace ? { namespace } : {}) }),
        ),
      });
      return;
    }
    case "ConfigMap": {
      const data = (o.data ?? {}) as Record<string, string>;
      inventory.configMaps.push({
        ref,
        credentialKeys: Object.entries(data).flatMap(([key, value]) => {
          const kind = typeof value === "string" ? detectCredential(key, value) : undefined;
          return kind ? [{ key, kind }] : [];
        }),
      });
      return;
    }
    case "Secret":
    case "PartialObjectMetadata":
      inventory.secrets.push({
        ref: { ...ref, kind: "Secret" },
        ...(o.metadata?.creationTimestamp ? { creationTimestamp: o.metadata.creationTimestamp } : {}),
        isServiceAccountToken: o.type === "kubernetes.io/service-account-token",
      });
      return;
    case "PeerAuthentication": {
      const mtls = (spec.mtls ?? {}) as { mode?: string };
      inventory.peerAuthentications.push({
        ref,
        mtlsMode: mtls.mode ?? null,
        selector: ((spec.selector as Obj | undefined)?.matchLabels as Record<string, string> | undefined) ?? null,
      });
      return;
    }
  }
}

/** Cluster state that manifests cannot show: checks that need it do not apply to a manifests scan. */
const NOT_IN_MANIFESTS = "needs a cluster scan: manifests hold no cluster state";

export function manifestsToInventory(objects: { object: RawObject; source: SourceLocation }[]): Inventory {
  const inventory = emptyInventory("manifests");
  for (const { object, source } of objects) addObject(inventory, object, source);
  inventory.notApplicable = {
    version: NOT_IN_MANIFESTS,
    nodes: NOT_IN_MANIFESTS,
    admissionWebhooks: NOT_IN_MANIFESTS,
    policyEngines: NOT_IN_MANIFESTS,
    admissionPolicies: NOT_IN_MANIFESTS,
    anonymousAccess: NOT_IN_MANIFESTS,
    vulnerabilityReports: NOT_IN_MANIFESTS,
  };
  return inventory;
}
