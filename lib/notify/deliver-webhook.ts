import { createHmac, randomUUID } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type RequestOptions } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { env } from "@/lib/env.js";
import { classifyAddress } from "@/lib/net/classify-address";

export type Delivery = { ok: boolean; status: number | null; error?: string };
type Hook = { url: string; secret: string };

/** Why a webhook may not go to this address: never link-local (cloud metadata), loopback only when allowed. */
export function refuseWebhookAddress(ip: string): string | undefined {
  const cls = classifyAddress(ip);
  if (cls === "link-local") return `${ip} is a link-local address (cloud metadata endpoints live there)`;
  if (cls === "loopback" && !env.BULWARK_ALLOW_LOOPBACK_CLUSTERS) return `${ip} is a loopback address (set BULWARK_ALLOW_LOOPBACK_CLUSTERS=true to allow this machine)`;
  return undefined;
}

/** dns.lookup that drops forbidden addresses, so a name cannot smuggle in 169.254.169.254. */
const guardedLookup: RequestOptions["lookup"] = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 0);
    const allowed = addresses.filter((a) => !refuseWebhookAddress(a.address));
    if (allowed.length === 0) return callback(new Error(`${hostname} resolves to a forbidden address: ${refuseWebhookAddress(addresses[0]?.address ?? "") ?? "none"}`), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};

/**
 * POSTs one event as JSON, signed: `X-Bulwark-Signature: sha256=HMAC(secret, "<timestamp>.<body>")`
 * with `X-Bulwark-Timestamp`, so a receiver can check both origin and freshness. Redirects are
 * not followed; the answer's body is not read.
 */
export function deliverWebhook(hook: Hook, event: string, payload: object, timeoutMs = 10_000): Promise<Delivery> {
  const body = JSON.stringify({ event, sentAt: new Date().toISOString(), ...payload });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", hook.secret).update(`${timestamp}.${body}`).digest("hex");
  const url = new URL(hook.url);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  const refused = isIP(literal) ? refuseWebhookAddress(literal) : undefined;
  if (refused) return Promise.resolve({ ok: false, status: null, error: refused });
  return new Promise((resolve) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        lookup: guardedLookup,
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
        res.on("end", () => resolve({ ok: status >= 200 && status < 300, status, ...(status >= 200 && status < 300 ? {} : { error: `answered ${status}` }) }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => resolve({ ok: false, status: null, error: error.message }));
    request.end(body);
  });
}

/**
 * Delivers with up to `attempts` tries, waiting longer each time, while the failure may pass
 * (network, 429, 5xx). Each try waits 5 s for an answer: a dead receiver holds a scan's worker
 * for about 20 s at most.
 */
export async function deliverWithRetry(hook: Hook, event: string, payload: object, attempts = 3, firstDelayMs = 1_000, timeoutMs = 5_000): Promise<Delivery> {
  let result = await deliverWebhook(hook, event, payload, timeoutMs);
  for (let i = 1; i < attempts && !result.ok && (result.status === null || result.status === 429 || result.status >= 500); i++) {
    if (result.error?.includes("forbidden address") || result.error?.includes("link-local") || result.error?.includes("loopback")) break;
    await new Promise((r) => setTimeout(r, firstDelayMs * 4 ** (i - 1)));
    result = await deliverWebhook(hook, event, payload, timeoutMs);
  }
  return result;
}
