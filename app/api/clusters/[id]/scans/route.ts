import { withRoute } from "@/lib/api/with-route";
import { ZClusterParams } from "@/lib/contracts/clusters";
import { requestManualScan } from "@/lib/scans/request-scan";

export const runtime = "nodejs";

// POST /api/clusters/{id}/scans – scan now: 202 with the snapshot id (the running one if a scan is under way)
export const POST = withRoute({
  role: "analyst",
  tokenScope: "scan",
  params: ZClusterParams,
  handler: async ({ params, caller }) => {
    const snapshot = await requestManualScan(params.id, caller);
    return Response.json(
      { snapshotId: snapshot.id, isNew: snapshot.isNew },
      { status: 202, headers: { location: `/api/snapshots/${snapshot.id}` } },
    );
  },
});
