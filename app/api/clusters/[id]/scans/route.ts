import { audit } from "@/lib/audit/audit";
import { ZClusterParams } from "@/lib/api/schemas/clusters";
import { withRoute } from "@/lib/api/with-route";
import { getClusterOrThrow } from "@/lib/db/clusters/get-cluster-or-throw";
import { requestScan } from "@/lib/jobs/scan-queue";

export const runtime = "nodejs";

// POST /api/clusters/{id}/scans – scan now: 202 with the snapshot id (the running one if a scan is under way)
export const POST = withRoute({
  role: "analyst",
  tokenScope: "scan",
  params: ZClusterParams,
  handler: async ({ params, caller }) => {
    await getClusterOrThrow(params.id);
    const snapshot = await requestScan(params.id, "manual");
    if (snapshot.isNew) await audit(caller, "scan.requested", { type: "cluster", id: params.id }, { snapshotId: snapshot.id });
    return Response.json({ snapshotId: snapshot.id, isNew: snapshot.isNew }, { status: 202, headers: { location: `/api/snapshots/${snapshot.id}` } });
  },
});
