import { withRoute } from "@/lib/api/with-route";
import { checkDatabase } from "@/lib/db/check-database";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health – liveness and database reachability (public)
export const GET = withRoute({
  role: "public",
  handler: async () => {
    const isDbUp = await checkDatabase();
    return Response.json({ status: isDbUp ? "ok" : "degraded", db: isDbUp ? "ok" : "down" }, { status: isDbUp ? 200 : 503 });
  },
});
