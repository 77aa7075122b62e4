import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import type { NotificationSettingsView, NotificationUpdate } from "@/lib/contracts/notifications";
import { saveWebhook } from "@/lib/notify/webhook-settings";

import { checkWebhookAddress } from "./check-webhook-address";

/** Sets or clears the webhook new findings are sent to; a signing secret issued now is returned this once. */
export async function updateNotificationSettings(
  input: NotificationUpdate,
  actor: Caller,
): Promise<{ view: NotificationSettingsView; issuedSecret: string | null }> {
  const host = checkWebhookAddress(input.webhookUrl);
  const saved = await saveWebhook(input, actor.userId);
  // The URL may carry a token: the audit log keeps only its host.
  await audit(
    actor,
    "settings.notifications_updated",
    { type: "settings", id: "notifications" },
    { host, minSeverity: input.minSeverity, secretIssued: saved.issuedSecret !== null },
  );
  return saved;
}
