import { withRoute } from "@/lib/api/with-route";
import { ZFindingParams } from "@/lib/contracts/findings";
import { getFindingOrThrow } from "@/lib/db/findings/get-finding-or-throw";

export const runtime = "nodejs";

// GET /api/findings/{id} – one finding with its history across snapshots
export const GET = withRoute({
  role: "viewer",
  params: ZFindingParams,
  handler: async ({ params }) => ({ data: await getFindingOrThrow(params.id) }),
});
