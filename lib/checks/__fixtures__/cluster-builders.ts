import { API_KINDS } from "@/lib/fake-api-server/api-kinds";
import { anonymousAllowed } from "@/lib/fake-api-server/authorize-anonymous";
import { hardenedCluster } from "@/lib/fake-api-server/clusters/hardened";
import { ANONYMOUS_PROBE_PATH } from "@/lib/k8s/probe-anonymous";
import type { ApiObject, FixtureCluster } from "@/lib/fake-api-server/types";
import { toKubeletConfig } from "@/lib/k8s/collect-inventory";
import { addObject, type RawObject } from "@/lib/k8s/to-inventory";
import { keepTopControllers } from "@/lib/inventory/top-controllers";
import { emptyInventory, type Inventory } from "@/lib/inventory/types";

/** An inventory as a collection of the fixture would give it (kubelet configs read, pods folded). */
export function inventoryFromFixture(cluster: FixtureCluster, apiAddresses: string[] = ["10.1.0.1"]): Inventory {
  const inventory = emptyInventory("cluster");
  for (const o of cluster.objects) addObject(inventory, structuredClone(o) as RawObject);
  inventory.version = cluster.version;
  inventory.apiServer = { host: "api.cluster.internal", addresses: apiAddresses };
  for (const n of inventory.nodes) {
    const raw = cluster.kubeletConfigs?.[n.ref.name];
    n.kubelet = raw ? toKubeletConfig(raw) : { status: "unavailable", reason: "configz not found" };
  }
  inventory.workloads = keepTopControllers(inventory.workloads);
  // The answer the API server gives the scanner's unauthenticated list of namespaces.
  const namespaces = API_KINDS.find((k) => k.kind === "Namespace")!;
  const status = !cluster.anonymousAuth ? 401 : anonymousAllowed(cluster.objects, { kind: namespaces }) ? 200 : 403;
  inventory.anonymousProbe = { path: ANONYMOUS_PROBE_PATH, status };
  return inventory;
}

/** The hardened cluster with `edit` applied to a deep copy of its objects. */
export function hardenedEdited(edit: (objects: ApiObject[], cluster: FixtureCluster) => ApiObject[] | void = () => {}): FixtureCluster {
  const cluster = structuredClone(hardenedCluster());
  const out = edit(cluster.objects, cluster);
  if (out) cluster.objects = out;
  return cluster;
}

/** A fixture object to edit by path in a test (any shape, on purpose: tests poke at raw API objects). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = ApiObject & Record<string, any>;

export const find = (objects: ApiObject[], kind: string, name: string, namespace?: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name && (namespace === undefined || x.metadata.namespace === namespace));
  if (!o) throw new Error(`fixture has no ${kind} ${namespace ?? ""}/${name}`);
  return o as Editable;
};
