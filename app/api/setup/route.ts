import { clientIp } from "@/lib/auth/client-ip";
import { ZSetupRequest } from "@/lib/api/schemas/users";
import { withRoute } from "@/lib/api/with-route";
import { completeSetup } from "@/lib/auth/invite-user";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";

export const runtime = "nodejs";

// POST /api/setup – public, once: the first-start link creates the first admin
export const POST = withRoute({
  role: "public",
  body: ZSetupRequest,
  handler: async ({ body, request }) => {
    const { userId } = await completeSetup(body);
    await recordAuditEvent({ actor: { userId, email: body.email, ip: clientIp(request.headers) }, action: "user.created", target: { type: "user", id: userId }, details: { email: body.email, role: "admin", via: "setup link" } });
    return Response.json({ data: { ok: true } }, { status: 201 });
  },
});
