import { randomBytes } from "node:crypto";
import { z } from "zod";

import { SEVERITIES, type Severity } from "@/lib/checks/types";
import type { NotificationSettingsView } from "@/lib/contracts/notifications";
import { atRestKey, sealSecret, unsealSecret } from "@/lib/crypto/seal-secret";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const KEY = "notifications";
/** The stored row: the URL and the signing secret sealed together (AES-256-GCM), the threshold in the clear. */
const ZStored = z.object({ sealed: z.string().nullable(), minSeverity: z.enum(SEVERITIES) });
const ZSealed = z.object({ url: z.string(), secret: z.string() });

export type WebhookSettings = { url: string; secret: string; minSeverity: Severity };

async function readStored() {
  const row = await getPrisma().setting.findUnique({ where: { key: KEY } });
  return row ? ZStored.parse(row.value) : { sealed: null, minSeverity: "high" as const };
}

function open(sealed: string): { url: string; secret: string } {
  try {
    return ZSealed.parse(JSON.parse(unsealSecret(Buffer.from(sealed, "base64"), atRestKey("webhook"), "webhook")));
  } catch {
    throw new AppError("INTERNAL", {
      userMessage:
        "The stored webhook cannot be decrypted: the encryption key changed (BULWARK_SECRET_KEY or the data directory's key file). Set the webhook again.",
    });
  }
}

/** The webhook to call, or null when notifications are off. Holds credentials: never log it. */
export async function getWebhook(): Promise<WebhookSettings | null> {
  const stored = await readStored();
  return stored.sealed ? { ...open(stored.sealed), minSeverity: stored.minSeverity } : null;
}

/** What admins see. A webhook that cannot be decrypted any more shows as unset, so it can be set again. */
const viewOf = (hook: { url: string } | null, minSeverity: Severity): NotificationSettingsView => ({
  webhookUrl: hook?.url ?? null,
  minSeverity,
  hasSecret: hook !== null,
});

export async function getNotificationView(): Promise<NotificationSettingsView> {
  const stored = await readStored();
  let hook: { url: string } | null = null;
  try {
    hook = stored.sealed ? open(stored.sealed) : null;
  } catch {
    // shown as unset
  }
  return viewOf(hook, stored.minSeverity);
}

/**
 * Saves the webhook. A signing secret is issued with the first URL, or on request, and returned
 * this once; otherwise the existing one is kept. A null URL turns notifications off.
 */
export async function saveWebhook(
  input: { webhookUrl: string | null; minSeverity: Severity; rotateSecret: boolean },
  updatedById: string,
): Promise<{ view: NotificationSettingsView; issuedSecret: string | null }> {
  const current = await getWebhook().catch(() => null);
  let issuedSecret: string | null = null;
  let sealed: string | null = null;
  if (input.webhookUrl !== null) {
    const secret =
      current && !input.rotateSecret ? current.secret : (issuedSecret = `bwh_${randomBytes(32).toString("base64url")}`);
    sealed = sealSecret(JSON.stringify({ url: input.webhookUrl, secret }), atRestKey("webhook")).toString("base64");
  }
  const value = { sealed, minSeverity: input.minSeverity };
  await getPrisma().setting.upsert({
    where: { key: KEY },
    create: { key: KEY, value, updatedById },
    update: { value, updatedById },
  });
  return {
    view: viewOf(input.webhookUrl === null ? null : { url: input.webhookUrl }, input.minSeverity),
    issuedSecret,
  };
}
