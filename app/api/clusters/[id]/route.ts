import { withRoute } from "@/lib/api/with-route";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { ZClusterParams, ZClusterUpdateRequest } from "@/lib/contracts/clusters";
import { getClusterSummaryOrThrow } from "@/lib/db/clusters/get-cluster-summary-or-throw";

export const runtime = "nodejs";

// GET /api/clusters/{id} – one cluster (never its credentials)
export const GET = withRoute({
  role: "viewer",
  params: ZClusterParams,
  handler: async ({ params }) => ({ data: await getClusterSummaryOrThrow(params.id) }),
});

// PATCH /api/clusters/{id} – rename, change the schedule, enable or disable
export const PATCH = withRoute({
  role: "admin",
  params: ZClusterParams,
  body: ZClusterUpdateRequest,
  handler: async ({ params, body, caller }) => ({ data: await updateCluster(params.id, body, caller) }),
});

// DELETE /api/clusters/{id} – delete the cluster with its whole history
export const DELETE = withRoute({
  role: "admin",
  params: ZClusterParams,
  handler: async ({ params, caller }) => {
    await deleteCluster(params.id, caller);
    return new Response(null, { status: 204 });
  },
});
