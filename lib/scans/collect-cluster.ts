import { ALL_CHECKS } from "@/lib/checks/registry";
import type { InventoryKind } from "@/lib/inventory/types";
import { collectInventory, type CollectOptions } from "@/lib/k8s/collect-inventory";
import { connect, type ClusterSource, type ConnectPolicy } from "@/lib/k8s/connect";

import type { Collection } from "./collection";
import { untimed, type Timed } from "./phase-timer";

/** The checks that read any of these kinds of data. */
const checksReading = (kinds: readonly InventoryKind[]) =>
  ALL_CHECKS.filter((c) => c.requires.some((k) => kinds.includes(k))).map((c) => c.id);

/** Connects to a live cluster and collects it (phases "connect" and "collect"). */
export async function collectCluster(
  source: ClusterSource,
  policy: ConnectPolicy,
  options: CollectOptions = {},
  timed: Timed = untimed,
): Promise<Collection> {
  const conn = await timed("connect", () => connect(source, policy));
  const collected = await timed("collect", () => collectInventory(conn, options));
  return {
    inventory: collected.inventory,
    warnings: [],
    counts: collected.counts,
    held: { ...collected.held, checks: checksReading(collected.held.partial) },
    kubernetesVersion: collected.version.gitVersion,
  };
}
