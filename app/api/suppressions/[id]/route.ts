import { audit } from "@/lib/api/audit";
import { ZSuppressionParams, ZSuppressionUpdateRequest } from "@/lib/api/schemas/suppressions";
import { withRoute } from "@/lib/api/with-route";
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
    return { data: result };
  },
});

// DELETE /api/suppressions/{id} – revoke: its findings count again from the next snapshot
export const DELETE = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  handler: async ({ params, caller }) => {
    await revokeSuppression(params.id);
    await audit(caller, "suppression.revoked", { type: "suppression", id: params.id });
    return new Response(null, { status: 204 });
  },
});
