import { withRoute } from "@/lib/api/with-route";
import { clientIp } from "@/lib/auth/client-ip";
import { ZInviteAcceptRequest } from "@/lib/contracts/users";
import { acceptInvite } from "@/lib/users/accept-invite";

export const runtime = "nodejs";

// POST /api/invites/accept – public: the invitation link's secret sets the user's password, once
export const POST = withRoute({
  role: "public",
  body: ZInviteAcceptRequest,
  handler: async ({ body, request }) => {
    await acceptInvite(body.token, body.password, clientIp(request.headers));
    return { data: { ok: true } };
  },
});
