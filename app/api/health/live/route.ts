import { withRoute } from "@/lib/api/with-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health/live – the process serves HTTP (public). The liveness probe: unlike
// /api/health it does not depend on the database, so an outage restarts no pod.
export const GET = withRoute({
  role: "public",
  handler: () => Promise.resolve(Response.json({ status: "ok" })),
});
