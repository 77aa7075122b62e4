import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";

import { env } from "@/lib/env.js";
import { refuseAddress } from "@/lib/k8s/address-policy";
import { guardedLookup } from "@/lib/net/guarded-lookup";

export type Delivery = { ok: boolean; status: number | null; error?: string };
type Hook = { url: string; secret: string };
/** One try: what the caller sees, and whether another try may do better. */
type Attempt = { delivery: Delivery; retry: boolean };

/** Why a webhook may not go to this address: never link-local (cloud metadata), loopback only when allowed. */
export const refuseWebhookAddress = (ip: string) =>
  refuseAddress(ip, { allowLoopback: env.BULWARK_ALLOW_LOOPBACK_CLUSTERS });

const lookup = guardedLookup(refuseWebhookAddress);

/**
 * POSTs one event as JSON, signed: `X-Bulwark-Signature: sha256=HMAC(secret, "<timestamp>.<body>")`
 * with `X-Bulwark-Timestamp`, so a receiver can check both origin and freshness. Redirects are
 * not followed; the answer's body is not read.
 */
function attempt(hook: Hook, event: string, payload: object, timeoutMs: number): Promise<Attempt> {
  const body = JSON.stringify({ event, sentAt: new Date().toISOString(), ...payload });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", hook.secret).update(`${timestamp}.${body}`).digest("hex");
  const url = new URL(hook.url);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  const refused = isIP(literal) ? refuseWebhookAddress(literal) : undefined;
  if (refused) return Promise.resolve({ delivery: { ok: false, status: null, error: refused }, retry: false });
  return new Promise((resolve) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        lookup,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "user-agent": "Bulwark",
          "x-bulwark-event": event,
          "x-bulwark-delivery": randomUUID(),
          "x-bulwark-timestamp": timestamp,
          "x-bulwark-signature": `sha256=${signature}`,
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        res.on("end", () =>
          resolve({
            delivery: { ok, status, ...(ok ? {} : { error: `answered ${status}` }) },
            retry: status === 429 || status >= 500,
          }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ delivery: { ok: false, status: null, error: error.message }, retry: error.code !== "EADDRFORBIDDEN" }),
    );
    request.end(body);
  });
}

export async function deliverWebhook(
  hook: Hook,
  event: string,
  payload: object,
  timeoutMs = 10_000,
): Promise<Delivery> {
  return (await attempt(hook, event, payload, timeoutMs)).delivery;
}

/**
 * Delivers with up to `attempts` tries, waiting longer each time, while the failure may pass
 * (network, 429, 5xx). Each try waits 5 s for an answer: a dead receiver holds a scan's worker
 * for about 20 s at most.
 */
export async function deliverWithRetry(
  hook: Hook,
  event: string,
  payload: object,
  attempts = 3,
  firstDelayMs = 1_000,
  timeoutMs = 5_000,
): Promise<Delivery> {
  let result = await attempt(hook, event, payload, timeoutMs);
  for (let i = 1; i < attempts && result.retry; i++) {
    await new Promise((r) => setTimeout(r, firstDelayMs * 4 ** (i - 1)));
    result = await attempt(hook, event, payload, timeoutMs);
  }
  return result.delivery;
}
