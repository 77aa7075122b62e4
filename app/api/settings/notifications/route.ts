import { withRoute } from "@/lib/api/with-route";
import { ZNotificationUpdate } from "@/lib/contracts/notifications";
import { updateNotificationSettings } from "@/lib/notifications/update-notification-settings";
import { getNotificationView } from "@/lib/notify/webhook-settings";

export const runtime = "nodejs";

// GET /api/settings/notifications – the webhook new findings are sent to (admins; the URL may hold a token)
export const GET = withRoute({ role: "admin", handler: async () => ({ data: await getNotificationView() }) });

// PUT /api/settings/notifications – set or clear the webhook; the signing secret is returned once when issued
export const PUT = withRoute({
  role: "admin",
  body: ZNotificationUpdate,
  handler: async ({ body, caller }) => {
    const { view, issuedSecret } = await updateNotificationSettings(body, caller);
    return { data: view, ...(issuedSecret ? { secret: issuedSecret } : {}) };
  },
});
