import { audit } from "@/lib/api/audit";
import { ZSuppressionParams, ZSuppressionUpdateRequest } from "@/lib/api/schemas/suppressions";
import { withRoute } from "@/lib/api/with-route";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { revokeSuppression, updateSuppression } from "@/lib/db/suppressions/suppressions";

export const runtime = "nodejs";

// PATCH /api/suppressions/{id} – change the reason or expiry (a critical/high one needs approval again)
export const PATCH = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  body: ZSuppressionUpdateRequest,
  handler: async ({ params, body, caller }) => {
    const result = await updateSuppression(params.id, body, caller);
    await audit(caller, "suppression.changed", { type: "suppression", id: params.id }, { changes: body, status: result.status });
    await rescoreForAcceptedRisk(params.id, "changed");
    return { data: result };
  },
});

// DELETE /api/suppressions/{id} – revoke: its findings count again at once (the latest snapshot is re-scored)
export const DELETE = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  handler: async ({ params, caller }) => {
    await revokeSuppression(params.id);
    await audit(caller, "suppression.revoked", { type: "suppression", id: params.id });
    await rescoreForAcceptedRisk(params.id, "revoked");
    return new Response(null, { status: 204 });
  },
});
