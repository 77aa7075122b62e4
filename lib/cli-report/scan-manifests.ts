import type { CheckSettings } from "@/lib/checks/settings";
import { runScan } from "@/lib/scans/run-scan";

import { buildScanReport, type ScanReport } from "./build-scan-report";

/** `bulwark scan --manifests`: reads manifest files and folders, scans them and reports the scan. */
export async function scanManifests(
  paths: string[],
  settings: CheckSettings,
  now: Date,
): Promise<ScanReport & { files: number }> {
  const scan = await runScan({ type: "manifests", paths }, { settings, now });
  return { ...buildScanReport(scan), files: scan.files ?? 0 };
}
