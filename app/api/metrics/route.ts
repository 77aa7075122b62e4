import { withRoute } from "@/lib/api/with-route";
import { listClusterPosture } from "@/lib/db/clusters/list-cluster-posture";
import { readMetricSources } from "@/lib/db/metrics/read-metric-sources";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const runtime = "nodejs";

// GET /api/metrics – Prometheus text format; scrape with an API token (read scope)
export const GET = withRoute({
  role: "viewer",
  handler: async () => {
    const [posture, sources] = await Promise.all([listClusterPosture(), readMetricSources()]);
    const { body, contentType } = await renderMetrics(posture, sources);
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
});
