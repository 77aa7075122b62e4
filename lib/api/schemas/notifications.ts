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
export type NotificationSettingsView = { webhookUrl: string | null; minSeverity: (typeof SEVERITIES)[number]; hasSecret: boolean };
