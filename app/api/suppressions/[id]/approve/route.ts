import { withRoute } from "@/lib/api/with-route";
import { ZSuppressionParams } from "@/lib/contracts/suppressions";
import { approveSuppression } from "@/lib/suppressions/approve-suppression";

export const runtime = "nodejs";

// POST /api/suppressions/{id}/approve – the second pair of eyes (not the author)
export const POST = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  handler: async ({ params, caller }) => {
    await approveSuppression(params.id, caller);
    return { data: { status: "active" } };
  },
});
