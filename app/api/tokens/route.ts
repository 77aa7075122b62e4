import { audit } from "@/lib/api/audit";
import { ZTokenCreateRequest } from "@/lib/api/schemas/tokens";
import { withRoute } from "@/lib/api/with-route";
import { issueApiToken } from "@/lib/auth/issue-api-token";
import { listApiTokens } from "@/lib/db/api-tokens/api-tokens";
import { AppError } from "@/lib/errors";

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
  handler: async ({ body, caller }) => {
    if (caller.via !== "session") throw new AppError("FORBIDDEN", { userMessage: "API tokens cannot issue tokens: sign in to create one." });
    const issued = await issueApiToken(caller, body);
    await audit(caller, "token.created", { type: "api_token", id: issued.id }, { name: body.name, scopes: body.scopes, expiresAt: issued.expiresAt });
    return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
  },
});
