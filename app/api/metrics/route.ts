import { withRoute } from "@/lib/api/with-route";
import { listClusterPosture } from "@/lib/db/clusters/list-cluster-posture";
import { memoByVersion } from "@/lib/db/memo-by-version";
import { METRICS_VERSION, readMetricSources } from "@/lib/db/metrics/read-metric-sources";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const runtime = "nodejs";

/** The exposition, built once per web process for every scrape while the figures behind it stay the same. */
const kept = memoByVersion<{ body: string; contentType: string }>(METRICS_VERSION, 1);

// GET /api/metrics – Prometheus text format; scrape with an API token (read scope)
export const GET = withRoute({
  role: "viewer",
  handler: async () => {
    const { body, contentType } = await kept("metrics", async () => {
      const [posture, sources] = await Promise.all([listClusterPosture(), readMetricSources()]);
      return renderMetrics(posture, sources);
    });
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
});
