import { withRoute } from "@/lib/api/with-route";
import { ZFindingListQuery } from "@/lib/contracts/findings";
import { listFindings } from "@/lib/db/findings/list-findings";

export const runtime = "nodejs";

// GET /api/findings?cluster&layer&severity&check&namespace&kind&status&from&to&q&sort&snapshot&cursor&limit – one keyset page
export const GET = withRoute({
  role: "viewer",
  query: ZFindingListQuery,
  handler: async ({ query }) => listFindings(query),
});
