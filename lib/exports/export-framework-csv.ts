import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { getClusterSummaryOrThrow } from "@/lib/db/clusters/get-cluster-summary-or-throw";
import { streamFrameworkCsv } from "@/lib/db/frameworks/stream-framework-csv";

import type { CsvFile } from "./csv-file";

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-") + "Z";

/** One framework's controls in one cluster's snapshot (the latest by default) as a CSV file; audited. */
export async function exportFrameworkCsv(
  frameworkId: string,
  clusterId: string,
  snapshotId: string | undefined,
  actor: Caller,
): Promise<CsvFile> {
  const { name } = await getClusterSummaryOrThrow(clusterId);
  const fileName = `bulwark-${frameworkId}-${name.replace(/[^a-z0-9-]/gi, "_")}-${stamp(new Date())}.csv`;
  const body = await streamFrameworkCsv(frameworkId, clusterId, snapshotId);
  await audit(
    actor,
    "export.framework_csv",
    { type: "cluster", id: clusterId },
    { framework: frameworkId, snapshot: snapshotId ?? null, fileName },
  );
  return { body, fileName };
}
