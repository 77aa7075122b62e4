import { runChecks } from "@/lib/checks/run-checks";
import type { CheckSettings } from "@/lib/checks/settings";
import { loadManifests } from "@/lib/k8s/manifests/load-manifests";
import { manifestsToInventory } from "@/lib/k8s/to-inventory";
import { buildScanReport, type ScanReport } from "@/lib/report/build-scan-report";

/** Reads manifest files and folders, evaluates every check and scores the result. */
export async function scanManifests(paths: string[], settings: CheckSettings, now: Date): Promise<ScanReport & { files: number }> {
  const { objects, warnings, files } = await loadManifests(paths);
  const inventory = manifestsToInventory(objects);
  const results = runChecks(inventory, { now, settings });
  return { ...buildScanReport(inventory, results, warnings), files };
}
