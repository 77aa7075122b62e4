import { withRoute } from "@/lib/api/with-route";
import { ZSuppressionCreateRequest } from "@/lib/contracts/suppressions";
import { listSuppressions } from "@/lib/db/suppressions/list-suppressions";
import { proposeSuppression } from "@/lib/suppressions/propose-suppression";

export const runtime = "nodejs";

// GET /api/suppressions – every accepted risk with its status, approver, expiry and current matches
export const GET = withRoute({ role: "viewer", handler: async () => ({ data: await listSuppressions() }) });

// POST /api/suppressions – propose an accepted risk from a finding (critical/high wait for a second person)
export const POST = withRoute({
  role: "analyst",
  body: ZSuppressionCreateRequest,
  handler: async ({ body, caller }) => Response.json(await proposeSuppression(body, caller), { status: 201 }),
});
