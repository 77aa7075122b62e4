import { audit } from "@/lib/api/audit";
import { ZAuditFilters } from "@/lib/api/schemas/audit";
import { withRoute } from "@/lib/api/with-route";
import { streamAuditCsv } from "@/lib/db/audit/list-audit-events";

export const runtime = "nodejs";

// GET /api/audit/export.csv?…filters – the audit log as a streamed CSV file (admins). The export
// is audited first, so a file whose filters cover it ends with its own export.
export const GET = withRoute({
  role: "admin",
  query: ZAuditFilters,
  handler: async ({ query, caller }) => {
    await audit(caller, "export.audit_csv", undefined, { filters: query });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    return new Response(await streamAuditCsv(query), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="bulwark-audit-${stamp}Z.csv"`, "cache-control": "no-store" },
    });
  },
});
