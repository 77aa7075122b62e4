import { audit } from "@/lib/api/audit";
import { ZFrameworkExportQuery, ZFrameworkParams } from "@/lib/api/schemas/frameworks";
import { withRoute } from "@/lib/api/with-route";
import { getClusterSummaryOrThrow } from "@/lib/db/clusters/list-clusters";
import { streamFrameworkCsv } from "@/lib/db/frameworks/stream-framework-csv";

export const runtime = "nodejs";

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-") + "Z";

// GET /api/frameworks/{id}/export.csv?cluster=…[&snapshot=…] – one framework's controls in one cluster's snapshot
export const GET = withRoute({
  role: "analyst",
  params: ZFrameworkParams,
  query: ZFrameworkExportQuery,
  handler: async ({ params, query, caller }) => {
    const { name } = await getClusterSummaryOrThrow(query.cluster);
    const fileName = `bulwark-${params.id}-${name.replace(/[^a-z0-9-]/gi, "_")}-${stamp(new Date())}.csv`;
    const body = await streamFrameworkCsv(params.id, query.cluster, query.snapshot);
    await audit(caller, "export.framework_csv", { type: "cluster", id: query.cluster }, { framework: params.id, snapshot: query.snapshot ?? null, fileName });
    return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" } });
  },
});
