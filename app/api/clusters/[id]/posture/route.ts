import { withRoute } from "@/lib/api/with-route";
import { ZClusterParams } from "@/lib/contracts/clusters";
import { getClusterPostureOrThrow } from "@/lib/db/clusters/list-cluster-posture";

export const runtime = "nodejs";

// GET /api/clusters/{id}/posture – the figures of the cluster's scorecards: overall and per layer, and a failed latest scan
export const GET = withRoute({
  role: "viewer",
  params: ZClusterParams,
  handler: async ({ params }) => ({ data: await getClusterPostureOrThrow(params.id) }),
});
