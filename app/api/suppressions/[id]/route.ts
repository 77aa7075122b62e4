import { withRoute } from "@/lib/api/with-route";
import { ZSuppressionParams, ZSuppressionUpdateRequest } from "@/lib/contracts/suppressions";
import { changeSuppression } from "@/lib/suppressions/change-suppression";
import { revokeSuppression } from "@/lib/suppressions/revoke-suppression";

export const runtime = "nodejs";

// PATCH /api/suppressions/{id} – change the reason or expiry (a critical/high one needs approval again)
export const PATCH = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  body: ZSuppressionUpdateRequest,
  handler: async ({ params, body, caller }) => ({ data: await changeSuppression(params.id, body, caller) }),
});

// DELETE /api/suppressions/{id} – revoke: its findings count again at once (the latest snapshot is re-scored)
export const DELETE = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  handler: async ({ params, caller }) => {
    await revokeSuppression(params.id, caller);
    return new Response(null, { status: 204 });
  },
});
