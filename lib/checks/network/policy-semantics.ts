import type { NetworkPolicy, NetworkPolicyRule, Node } from "@/lib/inventory/cluster-types";
import { matchesSelector } from "@/lib/inventory/match-labels";
import type { Inventory, Workload } from "@/lib/inventory/types";
import { cidrContains } from "@/lib/net/classify-address";

export type Direction = "Ingress" | "Egress";
export const METADATA_IP = "169.254.169.254";

/** The policy kinds this analysis understands, named in findings so users know what was considered. */
export const POLICY_KINDS =
  "NetworkPolicy, CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy";

type Raw = Record<string, unknown>;
const CLUSTER_WIDE = new Set(["CiliumClusterwideNetworkPolicy", "GlobalNetworkPolicy"]);

/** Calico selector expressions: `all()`, or `k == 'v'` terms joined by &&. Anything else is not understood. */
function calicoSelects(selector: unknown, labels: Record<string, string>): boolean {
  const s = typeof selector === "string" ? selector.trim() : "";
  if (s === "" || s === "all()") return true;
  return s.split("&&").every((term) => {
    const m = /^\s*([\w./-]+)\s*==\s*['"]([^'"]*)['"]\s*$/.exec(term);
    return m ? labels[m[1]!] === m[2] : false;
  });
}

/** Whether a policy of any understood kind selects the workload's pods. */
export function selects(policy: NetworkPolicy, w: Workload): boolean {
  const labels = w.podMeta.labels;
  if (!policy.raw) return policy.ref.namespace === w.ref.namespace && matchesSelector(policy.podSelector, labels);
  if (!CLUSTER_WIDE.has(policy.ref.kind) && policy.ref.namespace !== w.ref.namespace) return false;
  if (policy.ref.kind === "GlobalNetworkPolicy") return calicoSelects(policy.raw.selector, labels);
  return matchesSelector((policy.raw.endpointSelector as Raw | undefined) ?? {}, labels);
}

/** Whether the policy governs this direction (isolates the pods it selects for it). */
export function governs(policy: NetworkPolicy, dir: Direction): boolean {
  if (!policy.raw) return policy.policyTypes.includes(dir);
  const types = policy.raw.types as string[] | undefined;
  if (types) return types.includes(dir);
  const key = dir === "Ingress" ? "ingress" : "egress";
  return key in policy.raw || `${key}Deny` in policy.raw;
}

/** Whether a core rule admits every peer (no from/to) on every port. */
const isAllowAllRule = (r: NetworkPolicyRule) => r.peers === null && (r.ports === null || r.ports.length === 0);

/** Whether a policy lets everything through in this direction (an allow-all rule). */
export function allowsAll(policy: NetworkPolicy, dir: Direction): boolean {
  if (!policy.raw) return (dir === "Ingress" ? policy.ingress : policy.egress).some(isAllowAllRule);
  const rules = (policy.raw[dir === "Ingress" ? "ingress" : "egress"] as Raw[] | undefined) ?? [];
  const entities = dir === "Ingress" ? "fromEntities" : "toEntities";
  return rules.some((r) => ((r[entities] as string[] | undefined) ?? []).some((e) => e === "all" || e === "world"));
}

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

/** The whole-internet CIDR an egress rule allows on every port, if any (core ipBlock, or Cilium toCIDR/toCIDRSet). */
export function worldCidr(policy: NetworkPolicy): string | undefined {
  if (!policy.raw) {
    for (const r of policy.egress) {
      if (r.ports !== null && r.ports.length > 0) continue;
      const block = r.peers?.find((p) => p.ipBlock && WORLD.has(p.ipBlock.cidr))?.ipBlock;
      if (block) return block.except?.length ? `${block.cidr} (except ${block.except.join(", ")})` : block.cidr;
    }
    return undefined;
  }
  for (const r of (policy.raw.egress as Raw[] | undefined) ?? []) {
    if (((r.toPorts as unknown[] | undefined) ?? []).length > 0) continue;
    const cidrs = [
      ...((r.toCIDR as string[] | undefined) ?? []),
      ...((r.toCIDRSet as { cidr: string }[] | undefined) ?? []).map((c) => c.cidr),
    ];
    const hit = cidrs.find((c) => WORLD.has(c));
    if (hit) return hit;
  }
  return undefined;
}

const BY_NAMESPACE = new WeakMap<Inventory, Map<string, NetworkPolicy[]>>();

/** Policies that could select pods of a namespace: its own, and the cluster-wide kinds. Indexed once per inventory. */
function candidates(inventory: Inventory, namespace: string): NetworkPolicy[] {
  let index = BY_NAMESPACE.get(inventory);
  if (!index) {
    index = new Map();
    const clusterWide = inventory.networkPolicies.filter((p) => CLUSTER_WIDE.has(p.ref.kind));
    for (const p of inventory.networkPolicies) {
      if (CLUSTER_WIDE.has(p.ref.kind)) continue;
      const list = index.get(p.ref.namespace) ?? [...clusterWide];
      list.push(p);
      index.set(p.ref.namespace, list);
    }
    index.set("\u0000cluster-wide", clusterWide);
    BY_NAMESPACE.set(inventory, index);
  }
  return index.get(namespace) ?? index.get("\u0000cluster-wide")!;
}

/** Policies that select the workload and govern the direction. */
export function isolatingPolicies(inventory: Inventory, w: Workload, dir: Direction): NetworkPolicy[] {
  return candidates(inventory, w.ref.namespace).filter((p) => governs(p, dir) && selects(p, w));
}

/** Whether a policy (of any kind) selects every pod of a namespace for this direction. */
export function selectsWholeNamespace(policy: NetworkPolicy, namespace: string, dir: Direction): boolean {
  if (!governs(policy, dir)) return false;
  if (!policy.raw) {
    const sel = policy.podSelector;
    return (
      policy.ref.namespace === namespace &&
      !!sel &&
      Object.keys(sel.matchLabels ?? {}).length === 0 &&
      !sel.matchExpressions?.length
    );
  }
  if (!CLUSTER_WIDE.has(policy.ref.kind) && policy.ref.namespace !== namespace) return false;
  if (policy.ref.kind === "GlobalNetworkPolicy") {
    const s = String(policy.raw.selector ?? "").trim();
    return s === "" || s === "all()";
  }
  const sel = (policy.raw.endpointSelector as Raw | undefined) ?? {};
  return (
    Object.keys(sel).length === 0 ||
    (Object.keys((sel.matchLabels as Raw | undefined) ?? {}).length === 0 &&
      !(sel.matchExpressions as unknown[] | undefined)?.length)
  );
}

type Port = { port?: number | string; endPort?: number; protocol?: string };

function portsAllowHttp(ports: unknown[] | null): boolean {
  if (ports === null || ports.length === 0) return true;
  return (ports as Port[]).some((p) => {
    if ((p.protocol ?? "TCP") !== "TCP") return false;
    if (p.port === undefined) return true;
    if (typeof p.port === "string") return p.port === "http";
    return p.endPort !== undefined ? p.port <= 80 && 80 <= p.endPort : p.port === 80;
  });
}

/** Which core egress rule lets the pod reach the metadata endpoint, if any. */
function metadataRule(policy: NetworkPolicy): string | undefined {
  for (const rule of policy.egress) {
    if (!portsAllowHttp(rule.ports)) continue;
    if (rule.peers === null) return "an egress rule with no `to` (every destination)";
    for (const peer of rule.peers) {
      const block = peer.ipBlock;
      if (
        block &&
        cidrContains(block.cidr, METADATA_IP) &&
        !(block.except ?? []).some((e) => cidrContains(e, METADATA_IP))
      ) {
        return `ipBlock ${block.cidr} without an except for ${METADATA_IP}`;
      }
    }
  }
  return undefined;
}

function rawMetadataRule(policy: NetworkPolicy): string | undefined {
  const rules = (policy.raw?.egress as Raw[] | undefined) ?? [];
  for (const r of rules) {
    if (((r.toEntities as string[] | undefined) ?? []).some((e) => e === "world" || e === "all"))
      return "an egress rule to the world entity";
    const cidrs = [
      ...((r.toCIDR as string[] | undefined) ?? []),
      ...((r.toCIDRSet as { cidr: string }[] | undefined) ?? []).map((c) => c.cidr),
    ];
    const hit = cidrs.find((c) => cidrContains(c, METADATA_IP));
    if (hit) return `an egress rule to ${hit}`;
  }
  return undefined;
}

/** Node provider-ID schemes of clouds that serve an instance metadata API at 169.254.169.254. */
const METADATA_CLOUDS: Record<string, string> = {
  aws: "AWS",
  gce: "Google Cloud",
  azure: "Azure",
  openstack: "OpenStack",
  digitalocean: "DigitalOcean",
  hcloud: "Hetzner Cloud",
  alicloud: "Alibaba Cloud",
  oci: "Oracle Cloud",
  ibm: "IBM Cloud",
};

/** The cloud the nodes run on, when their provider IDs name one that serves a metadata API. */
export function metadataProvider(nodes: readonly Node[]): string | undefined {
  for (const n of nodes) {
    const scheme = /^([a-z]+):\/\//.exec(n.providerID)?.[1];
    if (scheme && METADATA_CLOUDS[scheme]) return METADATA_CLOUDS[scheme];
  }
  return undefined;
}

/** Why the workload's pods can reach the cloud metadata endpoint, or undefined when they cannot. */
export function metadataReachability(inventory: Inventory, w: Workload): string | undefined {
  if (w.spec.hostNetwork) return "it uses the host network, which network policies do not govern";
  const policies = isolatingPolicies(inventory, w, "Egress");
  if (policies.length === 0) return "no egress policy selects its pods";
  for (const p of policies) {
    const why = p.raw ? rawMetadataRule(p) : metadataRule(p);
    if (why) return `${p.ref.kind} \`${p.ref.name}\` allows it through ${why}`;
  }
  return undefined;
}
