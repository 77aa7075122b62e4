import { withRoute } from "@/lib/api/with-route";
import { listCheckCatalog } from "@/lib/checks/list-check-catalog";

export const runtime = "nodejs";

// GET /api/checks – the check catalog with rationale, remediation and references
export const GET = withRoute({
  role: "viewer",
  handler: async () => ({ data: listCheckCatalog() }),
});
