import { audit } from "@/lib/api/audit";
import { ZClusterParams, ZClusterUpdateRequest } from "@/lib/api/schemas/clusters";
import { withRoute } from "@/lib/api/with-route";
import { getClusterSummaryOrThrow } from "@/lib/db/clusters/list-clusters";
import { deleteCluster, updateCluster } from "@/lib/db/clusters/update-cluster";

export const runtime = "nodejs";

// GET /api/clusters/{id} – one cluster (never its credentials)
export const GET = withRoute({ role: "viewer", params: ZClusterParams, handler: async ({ params }) => ({ data: await getClusterSummaryOrThrow(params.id) }) });

// PATCH /api/clusters/{id} – rename, change the schedule, enable or disable
export const PATCH = withRoute({
  role: "admin",
  params: ZClusterParams,
  body: ZClusterUpdateRequest,
  handler: async ({ params, body, caller }) => {
    await updateCluster(params.id, body);
    await audit(caller, "cluster.updated", { type: "cluster", id: params.id }, { changes: body });
    return { data: await getClusterSummaryOrThrow(params.id) };
  },
});

// DELETE /api/clusters/{id} – delete the cluster with its whole history
export const DELETE = withRoute({
  role: "admin",
  params: ZClusterParams,
  handler: async ({ params, caller }) => {
    const { name } = await getClusterSummaryOrThrow(params.id);
    await deleteCluster(params.id);
    await audit(caller, "cluster.deleted", { type: "cluster", id: params.id }, { name });
    return new Response(null, { status: 204 });
  },
});
