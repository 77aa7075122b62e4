import { audit } from "@/lib/api/audit";
import { ZSuppressionCreateRequest } from "@/lib/api/schemas/suppressions";
import { withRoute } from "@/lib/api/with-route";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { createSuppression, listSuppressions } from "@/lib/db/suppressions/suppressions";

export const runtime = "nodejs";

// GET /api/suppressions – every accepted risk with its status, approver, expiry and current matches
export const GET = withRoute({ role: "viewer", handler: async () => ({ data: await listSuppressions() }) });

// POST /api/suppressions – propose an accepted risk from a finding (critical/high wait for a second person)
export const POST = withRoute({
  role: "analyst",
  body: ZSuppressionCreateRequest,
  handler: async ({ body, caller }) => {
    const created = await createSuppression(body, caller);
    await audit(caller, "suppression.created", { type: "suppression", id: created.id }, { findingId: body.findingId, scope: body.scope, reason: body.reason, expiresAt: body.expiresAt, status: created.status });
    if (created.status === "active") await rescoreForAcceptedRisk(created.id, "created");
    return Response.json(created, { status: 201 });
  },
});
