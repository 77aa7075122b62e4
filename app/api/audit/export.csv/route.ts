import { stringify } from "csv-stringify/sync";
import { audit } from "@/lib/api/audit";
import { ZAuditFilters } from "@/lib/api/schemas/audit";
import { withRoute } from "@/lib/api/with-route";
import { listAllAuditEvents } from "@/lib/db/audit/list-audit-events";
import { neutralizeFormula } from "@/lib/report/csv-cell";

export const runtime = "nodejs";

// GET /api/audit/export.csv?…filters – the audit log as CSV (admins); the export itself is audited
export const GET = withRoute({
  role: "admin",
  query: ZAuditFilters,
  handler: async ({ query, caller }) => {
    const rows = await listAllAuditEvents(query);
    await audit(caller, "export.audit_csv", undefined, { filters: query, rows: rows.length });
    const csv = stringify([
      ["id", "at", "actor", "ip", "action", "target_type", "target_id", "details"],
      ...rows.map((r) => [r.id, r.at, r.actorEmail ?? "", r.ip ?? "", r.action, r.targetType ?? "", r.targetId ?? "", r.details].map((v) => neutralizeFormula(v))),
    ]);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="bulwark-audit-${stamp}Z.csv"`, "cache-control": "no-store" },
    });
  },
});
