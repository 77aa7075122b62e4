import { withRoute } from "@/lib/api/with-route";
import { testClusterConnection } from "@/lib/clusters/test-cluster-connection";
import { ZClusterParams } from "@/lib/contracts/clusters";

// This process serves the built-in demo cluster when its connection is tested.
import "@/lib/demo/demo-cluster-server";

export const runtime = "nodejs";

// POST /api/clusters/{id}/connection-test – reachable? which version? which resources can be read?
export const POST = withRoute({
  role: "admin",
  params: ZClusterParams,
  handler: async ({ params }) => ({ data: await testClusterConnection(params.id) }),
});
