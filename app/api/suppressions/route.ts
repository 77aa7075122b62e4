import { withRoute } from "@/lib/api/with-route";
import { ZSuppressionCreateRequest, ZSuppressionListQuery } from "@/lib/contracts/suppressions";
import { listSuppressionPage } from "@/lib/db/suppressions/list-suppressions";
import { proposeSuppression } from "@/lib/suppressions/propose-suppression";

export const runtime = "nodejs";

// GET /api/suppressions?page&limit – accepted risks, newest first, with status, approver, expiry and current matches
export const GET = withRoute({
  role: "viewer",
  query: ZSuppressionListQuery,
  handler: async ({ query }) => listSuppressionPage(query),
});

// POST /api/suppressions – propose an accepted risk from a finding (critical/high wait for a second person)
export const POST = withRoute({
  role: "analyst",
  body: ZSuppressionCreateRequest,
  handler: async ({ body, caller }) => Response.json(await proposeSuppression(body, caller), { status: 201 }),
});
