import { audit } from "@/lib/api/audit";
import { ZFindingFilters } from "@/lib/api/schemas/findings";
import { withRoute } from "@/lib/api/with-route";
import { exportFileName } from "@/lib/db/findings/export-file-name";
import { streamFindingsCsv } from "@/lib/db/findings/stream-findings-csv";

export const runtime = "nodejs";

// GET /api/findings/export.csv?…the browser's filters – the matching findings as a streamed CSV file
export const GET = withRoute({
  role: "analyst",
  query: ZFindingFilters,
  handler: async ({ query, caller }) => {
    const [body, fileName] = await Promise.all([streamFindingsCsv(query), exportFileName(query)]);
    await audit(caller, "export.findings_csv", undefined, { filters: query, fileName });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  },
});
