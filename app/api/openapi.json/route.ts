import { openApiDocument } from "@/lib/api/openapi/document";
import { withRoute } from "@/lib/api/with-route";

export const runtime = "nodejs";

// GET /api/openapi.json – the OpenAPI 3.1 document of every route, generated from their zod schemas (signed-in users and read tokens)
export const GET = withRoute({ role: "viewer", handler: () => Promise.resolve(openApiDocument()) });
