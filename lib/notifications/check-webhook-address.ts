import { isIP } from "node:net";

import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { refuseWebhookAddress } from "@/lib/notify/deliver-webhook";

/**
 * Where a webhook may point. Findings and their signature travel in the body: plain HTTP only
 * for a receiver on this machine, when allowed; never an address the server must not reach.
 * Returns the host (what the audit log keeps: the URL may carry a token), or null for no URL.
 */
export function checkWebhookAddress(webhookUrl: string | null): string | null {
  if (!webhookUrl) return null;
  const url = new URL(webhookUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol === "http:" && !env.BULWARK_ALLOW_LOOPBACK_CLUSTERS)
    throw new AppError("BAD_REQUEST", { userMessage: "The webhook must use https." });
  const refused = host && isIP(host) ? refuseWebhookAddress(host) : undefined;
  if (refused) throw new AppError("BAD_REQUEST", { userMessage: `The webhook cannot be sent there: ${refused}.` });
  return host;
}
