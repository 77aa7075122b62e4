// HTTP load for bench-fleet.ts: signed-in clients requesting endpoints concurrently, with
// per-endpoint latency percentiles, and the web server's resident memory sampled from /proc.
import { readFileSync } from "node:fs";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export type Endpoint = { name: string; path: string };
export type Stats = {
  name: string;
  n: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
  firstError?: string;
};

const TIMEOUT_MS = 60_000;

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** The resident set size of a process and its descendants (the web workers), in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  // A process that ended meanwhile counts nothing.
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  };
  const kb = (p: number) => Number(/VmRSS:\s*(\d+)/.exec(read(`/proc/${p}/status`))?.[1] ?? 0);
  const tree = (p: number): number[] => [
    p,
    ...read(`/proc/${p}/task/${p}/children`).split(/\s+/).filter(Boolean).map(Number).flatMap(tree),
  ];
  return Math.round(tree(pid).reduce((sum, p) => sum + kb(p), 0) / 1024);
}

/**
 * Connections kept open between requests, as a browser keeps them. node:http rather than fetch:
 * the load runs on the same two cores as the server, and fetch (undici, web streams, and
 * decompressing every body) takes about 3x the client CPU a request (3.8–5.2 ms against
 * 1.3–1.6 ms on the overview and compare), CPU the server's pages then wait for.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** What Chromium accepts: the server picks brotli from it, as it does for a browser. */
const ACCEPT_ENCODING = "gzip, deflate, br, zstd";

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "gzip") return gunzipSync(body);
  return body;
}

/**
 * One GET with a session cookie, accepting the encodings a browser does; the body is read in full
 * (the time a user waits for the page). `bytes` is the body as sent; with `decode`, as the page is
 * (decompressed, for the overview's HTML size). A body other than 200's is decoded for the error.
 */
export function get(
  base: string,
  path: string,
  cookie: string,
  { decode = false } = {},
): Promise<{ ms: number; status: number; bytes: number; error?: string }> {
  const start = performance.now();
  const url = new URL(path, base);
  return new Promise((resolve) => {
    const fail = (error: Error) =>
      resolve({ ms: performance.now() - start, status: 0, bytes: 0, error: error.message });
    const req = http.get(
      url,
      { agent, headers: { cookie, "accept-encoding": ACCEPT_ENCODING }, timeout: TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", fail);
        res.on("end", () => {
          const ms = performance.now() - start;
          const status = res.statusCode ?? 0;
          const wire = Buffer.concat(chunks);
          const body = decode || status !== 200 ? decoded(wire, res.headers["content-encoding"]) : wire;
          resolve({
            ms,
            status,
            bytes: decode ? body.byteLength : wire.byteLength,
            ...(status === 200 ? {} : { error: `HTTP ${status} ${body.toString("utf8").slice(0, 120)}` }),
          });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", fail);
  });
}

/** `requests` GETs of one endpoint by `users` clients at once, each with its own session. */
export async function load(
  base: string,
  endpoint: Endpoint,
  users: number,
  requests: number,
  cookies: string[],
): Promise<Stats> {
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      while (next < requests) {
        next++;
        const r = await get(base, endpoint.path, cookies[u % cookies.length]!);
        times.push(r.ms);
        if (r.error) {
          errors++;
          firstError ??= r.error;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return {
    name: endpoint.name,
    n: times.length,
    errors,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: times.at(-1) ?? 0,
    perSecond: times.length / seconds,
    firstError,
  };
}

export function printStats(title: string, rows: Stats[], goalMs: number): void {
  console.log(`\n${title}`);
  console.log(
    `  ${"endpoint".padEnd(42)} ${"n".padStart(5)} ${"err".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)} ${"req/s".padStart(7)}`,
  );
  for (const s of rows) {
    const flag = s.p95 > goalMs || s.errors > 0 ? "  <- over goal" : "";
    console.log(
      `  ${s.name.padEnd(42)} ${String(s.n).padStart(5)} ${String(s.errors).padStart(4)} ${s.p50.toFixed(0).padStart(8)} ${s.p95.toFixed(0).padStart(8)} ${s.max.toFixed(0).padStart(8)} ${s.perSecond.toFixed(1).padStart(7)}${flag}`,
    );
    if (s.firstError) console.log(`      first error: ${s.firstError}`);
  }
}

/**
 * `total` requests over all endpoints in turn, by `users` clients, sampling the server's RSS
 * every second: a leak shows as growth after the warm-up.
 */
export async function soak(
  base: string,
  endpoints: Endpoint[],
  users: number,
  total: number,
  cookies: string[],
  pid: number,
): Promise<{ samples: { at: number; done: number; rss: number }[]; errors: number }> {
  const samples: { at: number; done: number; rss: number }[] = [];
  let done = 0;
  let errors = 0;
  const start = performance.now();
  const timer = setInterval(
    () => samples.push({ at: Math.round((performance.now() - start) / 1000), done, rss: rssMb(pid) }),
    1_000,
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      while (next < total) {
        const e = endpoints[next++ % endpoints.length]!;
        const r = await get(base, e.path, cookies[u % cookies.length]!);
        if (r.error) errors++;
        done++;
      }
    }),
  );
  clearInterval(timer);
  samples.push({ at: Math.round((performance.now() - start) / 1000), done, rss: rssMb(pid) });
  return { samples, errors };
}
