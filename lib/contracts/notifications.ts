import { z } from "zod";

import { SEVERITIES } from "@/lib/checks/types";

/** Where new findings are sent. The URL may carry a token (chat webhooks do), so it is stored encrypted. */
export const ZNotificationUpdate = z.object({
  /** null turns notifications off. */
  webhookUrl: z
    .url({ protocol: /^https?$/, error: "an http(s) URL" })
    .max(2048)
    .nullable(),
  /** New findings at or above this severity are sent. */
  minSeverity: z.enum(SEVERITIES).default("high"),
  /** Issue a new signing secret (shown once). */
  rotateSecret: z.boolean().default(false),
});
export type NotificationUpdate = z.infer<typeof ZNotificationUpdate>;

/** What admins see: the URL, never the signing secret (shown once, when issued). */
export const ZNotificationSettingsView = z.strictObject({
  webhookUrl: z.string().nullable(),
  minSeverity: z.enum(SEVERITIES),
  hasSecret: z.boolean(),
});
export type NotificationSettingsView = z.infer<typeof ZNotificationSettingsView>;

/** What saving answers: the settings, and the signing secret once, when one was issued. */
export const ZNotificationSaved = z.strictObject({ data: ZNotificationSettingsView, secret: z.string().optional() });

/** How the webhook answered a test event: its HTTP status, or why nothing was delivered. */
export const ZDelivery = z.strictObject({
  ok: z.boolean(),
  status: z.number().nullable(),
  error: z.string().optional(),
});
