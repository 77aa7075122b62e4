import { csvResponse } from "@/lib/api/csv-response";
import { withRoute } from "@/lib/api/with-route";
import { ZFindingFilters } from "@/lib/contracts/findings";
import { exportFindingsCsv } from "@/lib/exports/export-findings-csv";

export const runtime = "nodejs";

// GET /api/findings/export.csv?…the browser's filters – the matching findings as a streamed CSV file
export const GET = withRoute({
  role: "analyst",
  query: ZFindingFilters,
  handler: async ({ query, caller }) => csvResponse(await exportFindingsCsv(query, caller)),
});
