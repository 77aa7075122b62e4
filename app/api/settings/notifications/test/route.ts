import { audit } from "@/lib/api/audit";
import { withRoute } from "@/lib/api/with-route";
import { AppError } from "@/lib/errors";
import { deliverWebhook } from "@/lib/notify/deliver-webhook";
import { getWebhook } from "@/lib/notify/webhook-settings";

export const runtime = "nodejs";

// POST /api/settings/notifications/test – sends a signed "test" event to the webhook and says how it answered
export const POST = withRoute({
  role: "admin",
  handler: async ({ caller }) => {
    const hook = await getWebhook();
    if (!hook) throw new AppError("BAD_REQUEST", { userMessage: "No webhook is set." });
    const result = await deliverWebhook(hook, "test", { message: "A test from Bulwark: this webhook will receive new findings." });
    await audit(caller, "notification.test", { type: "settings", id: "notifications" }, { status: result.status, ...(result.error ? { error: result.error } : {}) });
    return { data: result };
  },
});
