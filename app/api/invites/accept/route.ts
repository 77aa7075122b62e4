import { clientIp } from "@/lib/auth/client-ip";
import { ZInviteAcceptRequest } from "@/lib/api/schemas/users";
import { withRoute } from "@/lib/api/with-route";
import { acceptInvite } from "@/lib/auth/invite-user";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";

export const runtime = "nodejs";

// POST /api/invites/accept – public: the invitation link's secret sets the user's password, once
export const POST = withRoute({
  role: "public",
  body: ZInviteAcceptRequest,
  handler: async ({ body, request }) => {
    const { userId } = await acceptInvite(body.token, body.password);
    await recordAuditEvent({ actor: { userId, email: null, ip: clientIp(request.headers) }, action: "user.invite_accepted", target: { type: "user", id: userId } });
    return { data: { ok: true } };
  },
});
