import { Agent, request, type RequestOptions } from "node:https";
import { isIP } from "node:net";

import { guardedLookup } from "@/lib/net/guarded-lookup";

import { refuseAddress } from "./address-policy";
import type { Connection } from "./connect";

/** A failed API request: the HTTP status (null when no answer) and a message safe to show. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly reason: string,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "KubeApiError";
  }
}

export type KubeHttpOptions = {
  /** Abort a single request after this long. */
  requestTimeoutMs: number;
  /** Retries of 429, 5xx and dropped connections. */
  maxRetries: number;
  /** The whole collection's deadline: no retry waits past it. */
  signal?: AbortSignal;
  maxSockets?: number;
};

export type KubeHttp = {
  getJson: <T>(path: string, opts?: { accept?: string }) => Promise<T>;
  close: () => void;
};

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const MAX_WAIT_MS = 30_000;

function parseStatusMessage(body: string): { reason: string; message: string } | undefined {
  try {
    const s = JSON.parse(body) as { kind?: string; reason?: string; message?: string };
    // Only a Kubernetes Status is echoed: an arbitrary body (a proxy's HTML page, a
    // misdirected service) could carry anything.
    if (s.kind === "Status") return { reason: s.reason ?? "Unknown", message: s.message ?? "" };
  } catch {
    // not JSON
  }
  return undefined;
}

function retryDelayMs(attempt: number, retryAfter: string | undefined): number {
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_WAIT_MS);
  return Math.min(250 * 2 ** attempt, 8_000) * (0.75 + Math.random() * 0.5);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * GETs JSON from a cluster's API over one keep-alive agent: TLS and credentials from the
 * connection, a per-request timeout, and bounded retries of 429 (honouring Retry-After), 5xx
 * and dropped connections with exponential backoff. The client library does neither.
 * The address policy holds for every request: names are checked as they resolve, and an IP
 * literal is checked as the URL parser normalised it (2130706433, 0x7f.1 and 127.1 are 127.0.0.1).
 */
export function createKubeHttp(conn: Connection, opts: KubeHttpOptions): KubeHttp {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: opts.maxSockets ?? 4,
    lookup: guardedLookup((ip) => refuseAddress(ip, conn.policy)),
  });
  const base = conn.server.pathname.replace(/\/$/, "");
  const hostname = conn.server.hostname.replace(/^\[|\]$/g, "");
  const refusal = isIP(hostname) ? refuseAddress(hostname, conn.policy) : undefined;

  function once(path: string, accept: string): Promise<{ status: number; body: string; retryAfter?: string }> {
    return new Promise((resolve, reject) => {
      const options: RequestOptions = {
        ...conn.options,
        agent,
        hostname,
        port: conn.server.port || 443,
        path: `${base}${path}`,
        method: "GET",
        headers: { ...(conn.options.headers ?? {}), accept, "user-agent": "bulwark/0.1" },
        timeout: opts.requestTimeoutMs,
        signal: opts.signal,
      };
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            retryAfter: res.headers["retry-after"],
          }),
        );
        res.on("error", reject);
      });
      req.on("timeout", () =>
        req.destroy(Object.assign(new Error(`no answer within ${opts.requestTimeoutMs} ms`), { code: "ETIMEDOUT" })),
      );
      req.on("error", reject);
      req.end();
    });
  }

  async function getJson<T>(path: string, { accept = "application/json" }: { accept?: string } = {}): Promise<T> {
    if (refusal) throw new KubeApiError(null, "Refused", refusal, path);
    for (let attempt = 0; ; attempt++) {
      let res: Awaited<ReturnType<typeof once>>;
      try {
        res = await once(path, accept);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        if (opts.signal?.aborted) throw new KubeApiError(null, "Timeout", "the collection deadline passed", path);
        const transient =
          ["ECONNRESET", "ETIMEDOUT", "EPIPE", "ECONNREFUSED", "EAI_AGAIN"].includes(code) ||
          /socket hang up/.test(String(error));
        if (transient && attempt < opts.maxRetries) {
          await sleep(retryDelayMs(attempt, undefined), opts.signal);
          continue;
        }
        throw new KubeApiError(
          null,
          code || "NetworkError",
          `cannot reach the API server: ${(error as Error).message}`,
          path,
        );
      }
      if (res.status >= 200 && res.status < 300) {
        try {
          return JSON.parse(res.body) as T;
        } catch {
          throw new KubeApiError(res.status, "BadResponse", "the API server sent a response that is not JSON", path);
        }
      }
      if (RETRYABLE.has(res.status) && attempt < opts.maxRetries) {
        await sleep(retryDelayMs(attempt, res.retryAfter), opts.signal);
        continue;
      }
      const status = parseStatusMessage(res.body);
      throw new KubeApiError(
        res.status,
        status?.reason ?? `HTTP${res.status}`,
        status?.message || `HTTP ${res.status}`,
        path,
      );
    }
  }

  return { getJson, close: () => agent.destroy() };
}
