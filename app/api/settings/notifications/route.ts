import { audit } from "@/lib/api/audit";
import { ZNotificationUpdate } from "@/lib/api/schemas/notifications";
import { withRoute } from "@/lib/api/with-route";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { refuseWebhookAddress } from "@/lib/notify/deliver-webhook";
import { getNotificationView, saveWebhook } from "@/lib/notify/webhook-settings";
import { isIP } from "node:net";

export const runtime = "nodejs";

// GET /api/settings/notifications – the webhook new findings are sent to (admins; the URL may hold a token)
export const GET = withRoute({ role: "admin", handler: async () => ({ data: await getNotificationView() }) });

// PUT /api/settings/notifications – set or clear the webhook; the signing secret is returned once when issued
export const PUT = withRoute({
  role: "admin",
  body: ZNotificationUpdate,
  handler: async ({ body, caller }) => {
    const url = body.webhookUrl ? new URL(body.webhookUrl) : null;
    const host = url ? url.hostname.replace(/^\[|\]$/g, "") : null;
    // Findings and their signature travel in the body: plain HTTP only for a receiver on this machine, when allowed.
    if (url?.protocol === "http:" && !env.BULWARK_ALLOW_LOOPBACK_CLUSTERS) throw new AppError("BAD_REQUEST", { userMessage: "The webhook must use https." });
    const refused = host && isIP(host) ? refuseWebhookAddress(host) : undefined;
    if (refused) throw new AppError("BAD_REQUEST", { userMessage: `The webhook cannot be sent there: ${refused}.` });
    const { view, issuedSecret } = await saveWebhook(body, caller.userId);
    // The URL may carry a token: the audit log keeps only its host.
    await audit(caller, "settings.notifications_updated", { type: "settings", id: "notifications" }, { host, minSeverity: body.minSeverity, secretIssued: issuedSecret !== null });
    return { data: view, ...(issuedSecret ? { secret: issuedSecret } : {}) };
  },
});
