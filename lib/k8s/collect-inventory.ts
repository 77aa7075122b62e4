import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

import { env } from "@/lib/env.js";
import type { ClusterVersion, KubeletConfig } from "@/lib/inventory/cluster-types";
import { keepTopControllers, withoutOrphansOf } from "@/lib/inventory/top-controllers";
import {
  emptyInventory,
  type CollectionWarning,
  type HeldFindings,
  type Inventory,
  type InventoryKind,
} from "@/lib/inventory/types";

import { refuseAddress } from "./address-policy";
import type { Connection } from "./connect";
import { ClusterUnavailableError } from "./errors";
import { createKubeHttp, KubeApiError, type KubeHttp } from "./kube-http";
import { probeAnonymous } from "./probe-anonymous";
import { listPath, RESOURCE_KINDS, resourceLabel, type ResourceKind } from "./resource-kinds";
import { addObject, type RawObject } from "./to-inventory";

export type CollectOptions = {
  pageSize?: number;
  concurrency?: number;
  requestTimeoutMs?: number;
  deadlineMs?: number;
  maxRetries?: number;
  /** Default: BULWARK_KUBELET_CONFIG (kubelet). */
  kubeletConfig?: KubeletConfigSource;
};

export type CollectedCluster = {
  inventory: Inventory;
  version: ClusterVersion;
  /** Objects listed per resource, before folding pods into their controllers. */
  counts: Record<string, number>;
  warnings: CollectionWarning[];
  /** Findings this scan must neither open nor close: kinds not read, and objects derived from them. */
  held: HeldFindings;
  durationMs: number;
};

export { ClusterUnavailableError };

type ListPage = { metadata?: { continue?: string }; items?: RawObject[] };
const METADATA_ONLY = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
const WORKLOAD_KINDS = RESOURCE_KINDS.filter((k) => k.target === "workloads").length;

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function describeFailure(kind: ResourceKind, error: unknown): CollectionWarning {
  const label = resourceLabel(kind);
  if (error instanceof KubeApiError) {
    if (error.status === 403)
      return {
        kind: label,
        status: 403,
        reason: `forbidden: grant "list" on ${label} (see the Bulwark ClusterRole). ${error.message}`,
      };
    if (error.status === 404) return { kind: label, status: 404, reason: `the API server does not serve ${label}` };
    return { kind: label, status: error.status, reason: `list ${label} failed: ${error.message}` };
  }
  return {
    kind: label,
    status: null,
    reason: `list ${label} failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/**
 * Lists one resource page by page (limit/continue; never resourceVersion=0, which makes the
 * server ignore limit), reducing each page into `stage` as it arrives. An expired continue
 * token (410) restarts the list once from scratch with a fresh stage.
 */
async function listResource(
  http: KubeHttp,
  kind: ResourceKind,
  pageSize: number,
  onItems: (items: RawObject[]) => void,
  restart: () => void,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    let count = 0;
    let token: string | undefined;
    try {
      do {
        const q = new URLSearchParams({ limit: String(pageSize) });
        if (token) q.set("continue", token);
        if (kind.fieldSelector) q.set("fieldSelector", kind.fieldSelector);
        const page = await http.getJson<ListPage>(`${listPath(kind)}?${q}`, {
          accept: kind.metadataOnly ? METADATA_ONLY : "application/json",
        });
        const items = page.items ?? [];
        count += items.length;
        onItems(items);
        token = page.metadata?.continue || undefined;
      } while (token);
      return count;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 410 && attempt === 0) {
        restart();
        continue;
      }
      throw error;
    }
  }
}

/** Reduces a kubelet /configz answer to the settings the kubelet checks read. */
export function toKubeletConfig(raw: Record<string, unknown>): KubeletConfig {
  const auth = (raw.authentication ?? {}) as { anonymous?: { enabled?: boolean } };
  const authz = (raw.authorization ?? {}) as { mode?: string };
  const bool = (v: unknown) => (typeof v === "boolean" ? v : null);
  return {
    status: "read",
    anonymousAuth: bool(auth.anonymous?.enabled),
    authorizationMode: authz.mode ?? null,
    readOnlyPort: typeof raw.readOnlyPort === "number" ? raw.readOnlyPort : null,
    rotateCertificates: bool(raw.rotateCertificates),
    serverTLSBootstrap: bool(raw.serverTLSBootstrap),
  };
}

/**
 * Where kubelet configuration comes from: "kubelet" asks each kubelet's /configz directly
 * (authorized as nodes/configz under fine-grained kubelet authorization, Kubernetes 1.33+),
 * "proxy" goes through the API server's node proxy (needs nodes/proxy, which also reaches
 * exec, attach and run on every kubelet: an opt-in for scans from outside the cluster, where
 * kubelets cannot be reached), "off" reads none (the kubelet checks say "not evaluated").
 */
export type KubeletConfigSource = "kubelet" | "proxy" | "off";

type ConfigzAnswer = { kubeletconfig?: Record<string, unknown> };

/** TLS errors that mean "this is not a certificate the cluster CA vouches for" (Node's error codes). */
const TLS_IDENTITY_ERRORS = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

const VIA_PROXY = 'read it through the API server: BULWARK_KUBELET_CONFIG=proxy and "get" on nodes/proxy';

/**
 * Why the scanner's credential may not go to the kubelets directly, or undefined when it may:
 * only over TLS verified against the cluster CA named in the kubeconfig (or the pod's ca.crt),
 * never with verification off and never against the public roots, which vouch for any host a
 * node object could name.
 */
function kubeletTrustProblem(conn: Connection): string | undefined {
  const secure =
    "Bulwark sends its credential to a kubelet only when the cluster CA verifies the kubelet's serving certificate";
  if (conn.options.rejectUnauthorized === false)
    return `the kubeconfig sets insecure-skip-tls-verify: ${secure}; replace it with the cluster CA (certificate-authority-data), or ${VIA_PROXY}`;
  if (!conn.options.ca)
    return `the kubeconfig names no cluster CA: ${secure}; add certificate-authority-data, or ${VIA_PROXY}`;
  return undefined;
}

/**
 * The connection for one kubelet: trust pinned to the cluster CA, and only the credential the
 * kubelet authenticates (bearer token, client certificate). The API server's tls-server-name and
 * basic auth stay behind: the kubelet's certificate is checked against the kubelet's own address.
 */
function kubeletConnection(conn: Connection, server: URL): Connection {
  const { ca, cert, key, pfx, passphrase, headers } = conn.options;
  return { ...conn, server, options: { ca, cert, key, pfx, passphrase, headers, rejectUnauthorized: true } };
}

/** GET /configz on the node's own kubelet, at its address exactly as the node reports it. */
async function configzFromKubelet(
  conn: Connection,
  node: Inventory["nodes"][number],
  requestTimeoutMs: number,
): Promise<ConfigzAnswer> {
  const address =
    node.addresses.find((a) => a.type === "InternalIP")?.address ??
    node.addresses.find((a) => a.type === "ExternalIP")?.address;
  if (!address) throw new KubeApiError(null, "NoAddress", `node ${node.ref.name} reports no InternalIP`, "/configz");
  // Only an IP address written as one (refuseAddress says why not): a URL would turn 2130706433 into 127.0.0.1.
  const refusal = refuseAddress(address, conn.policy);
  if (refusal)
    throw new KubeApiError(null, "Refused", `kubelet of node ${node.ref.name} at ${address}: ${refusal}`, "/configz");
  const host = isIP(address) === 6 ? `[${address}]` : address;
  const http = createKubeHttp(kubeletConnection(conn, new URL(`https://${host}:${node.kubeletPort ?? 10250}`)), {
    requestTimeoutMs,
    maxRetries: 1,
    maxSockets: 1,
  });
  try {
    return await http.getJson<ConfigzAnswer>("/configz");
  } finally {
    http.close();
  }
}

async function collectKubeletConfigs(
  http: KubeHttp,
  conn: Connection,
  inventory: Inventory,
  source: KubeletConfigSource,
  concurrency: number,
): Promise<void> {
  if (source === "off") {
    for (const node of inventory.nodes)
      node.kubelet = {
        status: "unavailable",
        reason: "kubelet configuration is not read (BULWARK_KUBELET_CONFIG=off)",
      };
    return;
  }
  const untrusted = source === "kubelet" ? kubeletTrustProblem(conn) : undefined;
  if (untrusted) {
    for (const node of inventory.nodes) node.kubelet = { status: "unavailable", reason: untrusted };
    return;
  }
  const permission = source === "kubelet" ? '"get" on nodes/configz (Kubernetes 1.33+)' : '"get" on nodes/proxy';
  // One answer that will be the same for every node (forbidden, unreachable) stops the asking.
  let settled: string | undefined;
  await mapLimit(inventory.nodes, concurrency, async (node) => {
    if (settled) {
      node.kubelet = { status: "unavailable", reason: settled };
      return;
    }
    try {
      const res =
        source === "kubelet"
          ? await configzFromKubelet(conn, node, 5_000)
          : await http.getJson<ConfigzAnswer>(`/api/v1/nodes/${encodeURIComponent(node.ref.name)}/proxy/configz`);
      node.kubelet = res.kubeletconfig
        ? toKubeletConfig(res.kubeletconfig)
        : { status: "unavailable", reason: "configz answered without a kubeletconfig" };
    } catch (error) {
      const status = error instanceof KubeApiError ? error.status : null;
      const message = error instanceof Error ? error.message : String(error);
      let reason = `configz unavailable: ${message}`;
      const code = error instanceof KubeApiError ? error.reason : "";
      if (status === 403) reason = `forbidden: reading kubelet configuration needs ${permission}`;
      else if (code === "Refused") reason = message;
      else if (source === "kubelet" && TLS_IDENTITY_ERRORS.has(code)) {
        reason = `the kubelet's serving certificate is not one the cluster CA signed (${code}); have kubelet serving certificates signed by the cluster CA (serverTLSBootstrap: true), or ${VIA_PROXY}`;
      } else if (source === "kubelet" && status === null) {
        reason = `kubelet unreachable (${message}); from outside the cluster, ${VIA_PROXY}`;
      }
      // A refused address is this node's own; the other nodes are still asked.
      if (status === 403 || (source === "kubelet" && status === null && code !== "Refused")) settled = reason;
      node.kubelet = { status: "unavailable", reason };
    }
  });
}

/**
 * Reads a cluster into an Inventory. A forbidden or missing resource never fails the whole
 * collection: it becomes a warning naming the resource and the permission, and the checks that
 * need it report "not evaluated". Only an unreachable API server or refused credentials fail.
 */
export async function collectInventory(conn: Connection, options: CollectOptions = {}): Promise<CollectedCluster> {
  const {
    pageSize = 500,
    concurrency = 4,
    requestTimeoutMs = 30_000,
    deadlineMs = 10 * 60_000,
    maxRetries = 5,
  } = options;
  const started = Date.now();
  const http = createKubeHttp(conn, {
    requestTimeoutMs,
    maxRetries,
    signal: AbortSignal.timeout(deadlineMs),
    maxSockets: concurrency,
  });
  try {
    let version: ClusterVersion;
    try {
      const v = await http.getJson<ClusterVersion>("/version");
      version = { major: v.major, minor: v.minor, gitVersion: v.gitVersion };
    } catch (error) {
      const status = error instanceof KubeApiError ? error.status : null;
      const hint =
        status === 401
          ? "the API server refused the credentials (401 Unauthorized)"
          : error instanceof Error
            ? error.message
            : String(error);
      throw new ClusterUnavailableError(`cannot scan ${conn.server.host}: ${hint}`, status);
    }
    const discovery = await http.getJson<{ groups?: { name: string }[] }>("/apis").catch(() => ({ groups: [] }));
    const groups = new Set((discovery.groups ?? []).map((g) => g.name));

    const inventory = emptyInventory("cluster");
    inventory.version = version;
    inventory.apiServer = await resolveApiServer(conn.server.hostname.replace(/^\[|\]$/g, ""));
    const warnings: CollectionWarning[] = [
      ...conn.warnings.map((w) => ({ kind: "connection", status: null, reason: w })),
    ];
    const counts: Record<string, number> = {};
    const failedTargets = new Map<InventoryKind, string[]>();
    const unread = new Map<string, CollectionWarning>();
    const tokenSecrets = new Set<string>();
    // Made alongside the lists: one request, with its own short timeout.
    const anonymous = probeAnonymous(conn, Math.min(requestTimeoutMs, 5_000));

    await mapLimit(
      RESOURCE_KINDS.filter((k) => !k.optional || groups.has(k.group)),
      concurrency,
      async (kind) => {
        let stage = emptyInventory("cluster");
        const isTokenList = kind.fieldSelector !== undefined;
        const onItems = (items: RawObject[]) => {
          for (const item of items) {
            if (isTokenList) tokenSecrets.add(`${item.metadata?.namespace}/${item.metadata?.name}`);
            else addObject(stage, item.kind === "PartialObjectMetadata" ? { ...item, kind: kind.kind } : item);
          }
        };
        try {
          counts[resourceLabel(kind) + (isTokenList ? ` (${kind.fieldSelector})` : "")] = await listResource(
            http,
            kind,
            pageSize,
            onItems,
            () => {
              stage = emptyInventory("cluster");
            },
          );
          mergeInto(inventory, stage);
        } catch (error) {
          // An optional API the server does not serve: nothing of it exists here.
          if (kind.optional && error instanceof KubeApiError && error.status === 404) return;
          const warning = describeFailure(kind, error);
          warnings.push(warning);
          if (!isTokenList) unread.set(kind.kind, warning);
          failedTargets.set(kind.target, [...(failedTargets.get(kind.target) ?? []), warning.reason]);
        }
      },
    );

    const probed = await anonymous;
    // No answer: the anonymous-access check says "not evaluated" with why.
    if ("probe" in probed) inventory.anonymousProbe = probed.probe;
    else inventory.missing.anonymousAccess = probed.reason;
    for (const s of inventory.secrets) s.isServiceAccountToken ||= tokenSecrets.has(`${s.ref.namespace}/${s.ref.name}`);
    const partial: InventoryKind[] = [];
    for (const [target, reasons] of failedTargets) {
      // Workloads come from nine kinds: checks still run on the ones that could be read.
      if (target === "workloads" && reasons.length < WORKLOAD_KINDS) partial.push(target);
      else inventory.missing[target] = reasons.join("; ");
    }
    if (!inventory.missing.nodes)
      await collectKubeletConfigs(
        http,
        conn,
        inventory,
        options.kubeletConfig ?? env.BULWARK_KUBELET_CONFIG,
        concurrency,
      );
    const { kept, held } = withoutOrphansOf(keepTopControllers(inventory.workloads), new Set(unread.keys()));
    inventory.workloads = kept;
    for (const [kind, warning] of unread) {
      warning.heldKinds = [
        kind,
        ...new Set(
          held
            .filter((w) => w.meta.ownerReferences?.some((o) => o.controller && o.kind === kind))
            .map((w) => w.ref.kind),
        ),
      ];
    }
    inventory.warnings = warnings;
    const heldFindings: HeldFindings = {
      kinds: [...unread.keys()],
      partial,
      resources: held.map((w) => ({ kind: w.ref.kind, namespace: w.ref.namespace, name: w.ref.name })),
    };
    return { inventory, version, counts, warnings, held: heldFindings, durationMs: Date.now() - started };
  } finally {
    http.close();
  }
}

async function resolveApiServer(host: string): Promise<{ host: string; addresses: string[] }> {
  if (isIP(host)) return { host, addresses: [host] };
  const addresses = await lookup(host, { all: true }).then(
    (list) => list.map((a) => a.address),
    () => [],
  );
  return { host, addresses };
}

/** Appends every list of a staged inventory to the main one. */
function mergeInto(target: Inventory, stage: Inventory): void {
  for (const key of Object.keys(stage) as (keyof Inventory)[]) {
    const from = stage[key];
    const to = target[key];
    // A loop, not push(...from): spreading 100k+ items overflows the call stack.
    if (Array.isArray(from) && Array.isArray(to)) for (const item of from) (to as unknown[]).push(item);
  }
}
