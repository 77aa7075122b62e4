import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import type { FindingFilters } from "@/lib/contracts/findings";
import { exportFileName } from "@/lib/db/findings/export-file-name";
import { streamFindingsCsv } from "@/lib/db/findings/stream-findings-csv";

import type { CsvFile } from "./csv-file";

/** The findings matching the browser's filters as a CSV file; who exported what is audited. */
export async function exportFindingsCsv(filters: FindingFilters, actor: Caller): Promise<CsvFile> {
  const [body, fileName] = await Promise.all([streamFindingsCsv(filters), exportFileName(filters)]);
  await audit(actor, "export.findings_csv", undefined, { filters, fileName });
  return { body, fileName };
}
