import { audit } from "@/lib/api/audit";
import { ZSuppressionParams } from "@/lib/api/schemas/suppressions";
import { withRoute } from "@/lib/api/with-route";
import { rescoreForAcceptedRisk } from "@/lib/db/snapshots/rescore-latest";
import { approveSuppression } from "@/lib/db/suppressions/suppressions";

export const runtime = "nodejs";

// POST /api/suppressions/{id}/approve – the second pair of eyes (not the author)
export const POST = withRoute({
  role: "analyst",
  params: ZSuppressionParams,
  handler: async ({ params, caller }) => {
    await approveSuppression(params.id, caller);
    await audit(caller, "suppression.approved", { type: "suppression", id: params.id });
    await rescoreForAcceptedRisk(params.id, "approved");
    return { data: { status: "active" } };
  },
});
