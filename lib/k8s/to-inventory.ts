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

/** A Kubernetes object as JSON (from the API or a manifest). */
export type RawObject = { apiVersion?: string; kind: string; metadata?: RawMeta } & Record<string, unknown>;
type RawMeta = {
  name?: string;
  uid?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
};
type Template = { metadata?: RawMeta; spec?: PodSpec };

const isPodBearing = (kind: string): kind is PodBearingKind => (POD_BEARING_KINDS as readonly string[]).includes(kind);

function refOf(o: RawObject, source?: SourceLocation): ResourceRef {
  return { kind: o.kind, namespace: o.metadata?.namespace ?? "", name: o.metadata?.name ?? "", ...(source ? { source } : {}) };
}

function metaOf(m: RawMeta | undefined): Meta {
  return {
    labels: m?.labels ?? {},
    annotations: m?.annotations ?? {},
    ...(m?.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
    ...(m?.ownerReferences?.length ? { ownerReferences: m.ownerReferences.map(({ kind, name, controller }) => ({ kind, name, controller })) } : {}),
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
      return ((spec?.jobTemplate as { spec?: { template?: Template } } | undefined)?.spec?.template);
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
    spec: template.spec,
    ...(hasReplicas ? { replicas: spec?.replicas ?? 1 } : {}),
    ...(spec?.selector?.matchLabels ? { selector: spec.selector.matchLabels } : {}),
  };
}

const GATEKEEPER = /(^|\.)gatekeeper\.sh\//;

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
      inventory.podDisruptionBudgets.push({ ref, selector: (spec.selector as LabelSelector | undefined) ?? null });
      return;
    case "RuntimeClass":
      inventory.runtimeClasses.push({ ref, handler: String(o.handler ?? "") });
      return;
    case "ValidatingWebhookConfiguration":
    case "MutatingWebhookConfiguration":
      inventory.admissionWebhooks.push({
        ref,
        kind: o.kind,
        webhookNames: ((o.webhooks as { name?: string }[] | undefined) ?? []).map((w) => w.name ?? ""),
      });
      return;
    case "VulnerabilityReport": {
      const report = (o.report ?? {}) as { artifact?: { repository?: string; tag?: string; digest?: string }; registry?: { server?: string }; summary?: Record<string, number> };
      const a = report.artifact ?? {};
      const image = `${report.registry?.server ? `${report.registry.server}/` : ""}${a.repository ?? ""}${a.tag ? `:${a.tag}` : ""}${a.digest ? `@${a.digest}` : ""}`;
      const s = report.summary ?? {};
      inventory.vulnerabilityReports.push({ ref, image, critical: s.criticalCount ?? 0, high: s.highCount ?? 0, medium: s.mediumCount ?? 0, low: s.lowCount ?? 0 });
      return;
    }
    case "ClusterPolicy":
    case "Policy":
      if (o.apiVersion?.startsWith("kyverno.io/")) inventory.policyEngines.push({ ref, engine: "kyverno" });
      return;
    case "ConstraintTemplate":
      if (o.apiVersion && GATEKEEPER.test(o.apiVersion)) inventory.policyEngines.push({ ref, engine: "gatekeeper" });
      return;
  }
}

/** Cluster state that manifests cannot show: checks that need it are "not evaluated". */
const NOT_IN_MANIFESTS = "not available from manifests (cluster state)";

export function manifestsToInventory(objects: { object: RawObject; source: SourceLocation }[]): Inventory {
  const inventory = emptyInventory("manifests");
  for (const { object, source } of objects) addObject(inventory, object, source);
  inventory.missing = {
    admissionWebhooks: NOT_IN_MANIFESTS,
    policyEngines: NOT_IN_MANIFESTS,
    vulnerabilityReports: NOT_IN_MANIFESTS,
  };
  return inventory;
}
