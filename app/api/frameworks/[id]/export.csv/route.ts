import { csvResponse } from "@/lib/api/csv-response";
import { withRoute } from "@/lib/api/with-route";
import { ZFrameworkExportQuery, ZFrameworkParams } from "@/lib/contracts/frameworks";
import { exportFrameworkCsv } from "@/lib/exports/export-framework-csv";

export const runtime = "nodejs";

// GET /api/frameworks/{id}/export.csv?cluster=…[&snapshot=…] – one framework's controls in one cluster's snapshot
export const GET = withRoute({
  role: "analyst",
  params: ZFrameworkParams,
  query: ZFrameworkExportQuery,
  handler: async ({ params, query, caller }) =>
    csvResponse(await exportFrameworkCsv(params.id, query.cluster, query.snapshot, caller)),
});
