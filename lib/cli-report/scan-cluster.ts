import type { CheckSettings } from "@/lib/checks/settings";
import type { CollectOptions } from "@/lib/k8s/collect-inventory";
import type { ClusterSource, ConnectPolicy } from "@/lib/k8s/connect";
import { runScan } from "@/lib/scans/run-scan";

import { buildScanReport, type ScanReport } from "./build-scan-report";

/** `bulwark scan --kubeconfig`: connects to a live cluster, scans it and reports the scan. */
export async function scanCluster(
  source: ClusterSource,
  policy: ConnectPolicy,
  settings: CheckSettings,
  now: Date,
  options: CollectOptions = {},
): Promise<ScanReport & { counts: Record<string, number> }> {
  const scan = await runScan({ type: "cluster", source, policy, collect: options }, { settings, now });
  return { ...buildScanReport(scan), counts: scan.counts };
}
