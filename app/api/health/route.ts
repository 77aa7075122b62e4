import { withRoute } from "@/lib/api/with-route";
import { checkDatabase } from "@/lib/db/check-database";
import { readyScanQueue } from "@/lib/jobs/scan-queue";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health – readiness (public): 200 only when every part is ready — the database answers
// and the scan queue is installed — else 503 with the part that is not and Retry-After.
export const GET = withRoute({
  role: "public",
  handler: async () => {
    const isDbUp = await checkDatabase();
    const isQueueReady = isDbUp && (await readyScanQueue()) !== null;
    const ok = isDbUp && isQueueReady;
    return Response.json(
      {
        status: ok ? "ok" : isDbUp ? "starting" : "degraded",
        db: isDbUp ? "ok" : "down",
        queue: isQueueReady ? "ok" : isDbUp ? "starting" : "unknown",
      },
      { status: ok ? 200 : 503, headers: ok ? {} : { "retry-after": "5" } },
    );
  },
});
