import { withRoute } from "@/lib/api/with-route";
import { ZAuditFilters } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/lib/db/audit/list-audit-events";

export const runtime = "nodejs";

// GET /api/audit?action&actor&from&to&cursor – the audit log, newest first (admins)
export const GET = withRoute({
  role: "admin",
  query: ZAuditFilters,
  handler: async ({ query }) => listAuditEvents(query),
});
