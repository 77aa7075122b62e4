import { runChecks } from "@/lib/checks/run-checks";
import type { CheckSettings } from "@/lib/checks/settings";
import { collectInventory, type CollectOptions } from "@/lib/k8s/collect-inventory";
import { connect, type ClusterSource, type ConnectPolicy } from "@/lib/k8s/connect";
import { buildScanReport, type ScanReport } from "@/lib/report/build-scan-report";

/** Connects to a live cluster, collects it, evaluates every check and scores the result. */
export async function scanCluster(
  source: ClusterSource,
  policy: ConnectPolicy,
  settings: CheckSettings,
  now: Date,
  options: CollectOptions = {},
): Promise<ScanReport & { counts: Record<string, number> }> {
  const conn = await connect(source, policy);
  const collected = await collectInventory(conn, options);
  const results = runChecks(collected.inventory, { now, settings });
  return { ...buildScanReport(collected.inventory, results, []), counts: collected.counts };
}
