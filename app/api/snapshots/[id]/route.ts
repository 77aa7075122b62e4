import { withRoute } from "@/lib/api/with-route";
import { ZSnapshotParams } from "@/lib/contracts/snapshots";
import { getSnapshotOrThrow } from "@/lib/db/snapshots/get-snapshot-or-throw";

export const runtime = "nodejs";

// GET /api/snapshots/{id} – a scan's status, phases, object counts and warnings
export const GET = withRoute({
  role: "viewer",
  params: ZSnapshotParams,
  handler: async ({ params }) => ({ data: await getSnapshotOrThrow(params.id) }),
});
