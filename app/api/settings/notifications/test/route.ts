import { withRoute } from "@/lib/api/with-route";
import { sendTestNotification } from "@/lib/notifications/send-test-notification";

export const runtime = "nodejs";

// POST /api/settings/notifications/test – sends a signed "test" event to the webhook and says how it answered
export const POST = withRoute({
  role: "admin",
  handler: async ({ caller }) => ({ data: await sendTestNotification(caller) }),
});
