import { withRoute } from "@/lib/api/with-route";
import { registerCluster } from "@/lib/clusters/register-cluster";
import { ZClusterCreateRequest } from "@/lib/contracts/clusters";
import { listClusters } from "@/lib/db/clusters/list-clusters";

export const runtime = "nodejs";

// GET /api/clusters – every registered cluster with its latest scan
export const GET = withRoute({ role: "viewer", handler: async () => ({ data: await listClusters() }) });

// POST /api/clusters – register a cluster (kubeconfig context or uploaded kubeconfig)
export const POST = withRoute({
  role: "admin",
  body: ZClusterCreateRequest,
  handler: async ({ body, caller }) => Response.json(await registerCluster(body, caller), { status: 201 }),
});
