import { csvResponse } from "@/lib/api/csv-response";
import { withRoute } from "@/lib/api/with-route";
import { ZAuditFilters } from "@/lib/contracts/audit";
import { exportAuditCsv } from "@/lib/exports/export-audit-csv";

export const runtime = "nodejs";

// GET /api/audit/export.csv?…filters – the audit log as a streamed CSV file (admins). The export
// is audited first, so a file whose filters cover it ends with its own export.
export const GET = withRoute({
  role: "admin",
  query: ZAuditFilters,
  handler: async ({ query, caller }) => csvResponse(await exportAuditCsv(query, caller)),
});
