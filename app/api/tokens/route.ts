import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { withRoute } from "@/lib/api/with-route";
import { ZTokenCreateRequest } from "@/lib/contracts/tokens";
import { listApiTokens } from "@/lib/db/api-tokens/api-tokens";

export const runtime = "nodejs";

// GET /api/tokens – the caller's API tokens (an admin sees everyone's); never the secrets
export const GET = withRoute({
  role: "viewer",
  handler: async ({ caller }) => ({ data: await listApiTokens(caller.role === "admin" ? null : caller.userId) }),
});

// POST /api/tokens – issue a token (signed-in users only, not other tokens): 201, secret shown once
export const POST = withRoute({
  role: "viewer",
  body: ZTokenCreateRequest,
  handler: async ({ body, caller }) =>
    Response.json(await issueApiToken(caller, body), { status: 201, headers: { "cache-control": "no-store" } }),
});
