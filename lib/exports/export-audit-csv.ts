import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import type { AuditFilters } from "@/lib/contracts/audit";
import { streamAuditCsv } from "@/lib/db/audit/list-audit-events";

import type { CsvFile } from "./csv-file";

/** The audit log as a CSV file. The export is audited first, so a file whose filters cover it ends with its own export. */
export async function exportAuditCsv(filters: AuditFilters, actor: Caller, now = new Date()): Promise<CsvFile> {
  await audit(actor, "export.audit_csv", undefined, { filters });
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return { body: await streamAuditCsv(filters), fileName: `bulwark-audit-${stamp}Z.csv` };
}
