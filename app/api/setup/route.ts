import { withRoute } from "@/lib/api/with-route";
import { clientIp } from "@/lib/auth/client-ip";
import { ZSetupRequest } from "@/lib/contracts/users";
import { completeSetup } from "@/lib/users/complete-setup";

export const runtime = "nodejs";

// POST /api/setup – public, once: the first-start link creates the first admin
export const POST = withRoute({
  role: "public",
  body: ZSetupRequest,
  handler: async ({ body, request }) => {
    await completeSetup(body, clientIp(request.headers));
    return Response.json({ data: { ok: true } }, { status: 201 });
  },
});
