import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { AppError } from "@/lib/errors";
import { deliverWebhook } from "@/lib/notify/deliver-webhook";
import { getWebhook } from "@/lib/notify/webhook-settings";

/** Sends a signed "test" event to the webhook and says how it answered. */
export async function sendTestNotification(actor: Caller): Promise<Awaited<ReturnType<typeof deliverWebhook>>> {
  const hook = await getWebhook();
  if (!hook) throw new AppError("BAD_REQUEST", { userMessage: "No webhook is set." });
  const result = await deliverWebhook(hook, "test", {
    message: "A test from Bulwark: this webhook will receive new findings.",
  });
  await audit(
    actor,
    "notification.test",
    { type: "settings", id: "notifications" },
    { status: result.status, ...(result.error ? { error: result.error } : {}) },
  );
  return result;
}
