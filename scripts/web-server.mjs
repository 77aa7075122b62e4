// The web server `npm start` runs: Next.js behind a plain Node HTTP server, so the client
// address the app sees (X-Forwarded-For) is the socket's own unless BULWARK_TRUST_PROXY says a
// reverse proxy of the operator's sets it. Without this a client could claim any address and
// dodge per-address sign-in limits or forge the audit log's "from where".
//
// A page is rendered on one thread, so one process uses one core: BULWARK_WEB_WORKERS processes
// (default one per CPU, at most 4), each a whole web server, started through node:cluster; the
// primary listens and hands each connection to the worker with the fewest open.
// Nothing they need to agree on lives in a process: sessions, sign-in limits and every figure
// are in the database.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { availableParallelism } from "node:os";
import zlib from "node:zlib";
import compression from "compression";
import next from "next";

import { isHttps } from "../lib/auth/app-origin.ts";
import { securityHeaders } from "../lib/auth/security-headers.ts";
import { env } from "../lib/env.js";
import { ConnectionBalancer, serveHandedConnections } from "../lib/http/balance-connections.ts";
import { coalesceWrites } from "../lib/http/coalesce-writes.ts";

const dev = process.argv.includes("--dev");
const workers = dev ? 1 : (env.BULWARK_WEB_WORKERS ?? Math.min(availableParallelism(), 4));
const address = `http://${env.HOST}:${env.PORT}`;

if (cluster.isPrimary && workers > 1) await supervise();
else await serve();

/**
 * Responses are compressed here, not by Next (gzip level 6, next.config.js `compress: false`):
 * every page is rendered and compressed per request. Browsers accept brotli, which the middleware
 * prefers, and its quality 1 is both faster and smaller than gzip level 1 (compare's 106 KB page:
 * 0.14 ms for 11.3 KB against 0.23 ms for 12.4 KB; the middleware's default quality 4 took
 * 0.69 ms for 9.5 KB); a client without brotli gets gzip level 1, as nginx sends by default.
 * Next flushes each streamed chunk through `res.flush`, which this sets.
 */
const compress = compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } });

/** HSTS is sent and insecure requests upgraded when users reach Bulwark over HTTPS. */
const https = isHttps();

/**
 * Whether every %-escape in the path decodes (Next answers a bare 500 when a dynamic segment's does not).
 * @param {string} url
 */
function isDecodable(url) {
  try {
    decodeURIComponent(url.split("?", 1)[0] ?? "");
    return true;
  } catch {
    return false;
  }
}

/**
 * Before Next: the client's address, a fresh CSP nonce for each request (Next reads it from the
 * request's policy header and puts it on its own scripts) and the security headers on every
 * response, here rather than in a Next proxy (middleware), which cost about a millisecond of
 * CPU a request (an API call's web time 4.0 → 2.6 ms). False when it has answered already.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function prepare(req, res) {
  if (!env.BULWARK_TRUST_PROXY) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    delete req.headers["x-real-ip"];
  }
  const headers = securityHeaders(randomBytes(16).toString("base64"), { https, dev });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!isDecodable(req.url ?? "/")) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Bad request: the address has a malformed %-escape.");
    return false;
  }
  req.headers["content-security-policy"] = headers["content-security-policy"];
  return true;
}

/**
 * A port that cannot be had (a declaration: it may be called before the module has run to here).
 * @param {Error} error
 */
function cannotListen(error) {
  console.error(`[bulwark] the web server cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
}

/** One web server: Next's handler on a Node HTTP server (in a worker, on the port the primary shares). */
async function serve() {
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    if (prepare(req, res))
      compress(req, res, () => {
        coalesceWrites(res);
        void handle(req, res);
      });
  });
  // A worker serves the connections the primary hands it; a single process listens itself.
  if (cluster.isWorker) {
    watchForStop(server, serveHandedConnections(server));
    return;
  }
  // A port that cannot be had ends the process (Next's own handlers would keep it alive, serving nothing).
  server.on("error", (error) => {
    cannotListen(error);
    process.exit(1);
  });
  server.listen(env.PORT, env.HOST, () => console.log(`✓ Ready on ${address}`));
  watchForStop(server);
}

/**
 * Stops on a signal, or when its parent (`npm start`, or the primary) goes away, once the
 * requests running are answered (a worker counts its connections in `open`: its server did not
 * accept them itself, so does not wait for them).
 * @param {import("node:http").Server} server
 * @param {() => number} [open]
 */
function watchForStop(server, open) {
  const stop = () => {
    if (open) {
      const drained = () => {
        server.closeIdleConnections();
        if (open() === 0) process.exit(0);
        setTimeout(drained, 100).unref();
      };
      drained();
    } else server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running (a long CSV export) get a few seconds, then the process ends.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);
}

/**
 * The primary: starts the workers, listens once all are ready and says "Ready", hands each
 * connection to the worker with the fewest open, starts again one that dies (a second later), and
 * ends with them: a worker that fails before it was ever ready (a broken build), or a port that
 * cannot be had, ends the whole server, as a single process would.
 */
async function supervise() {
  let stopping = false;
  let ready = 0;
  const balancer = new ConnectionBalancer();
  const listener = createNetServer({ pauseOnConnect: true }, (socket) => balancer.assign(socket));
  listener.on("error", (error) => {
    cannotListen(error);
    stop(1);
  });
  const fork = () => {
    const worker = cluster.fork();
    let served = false;
    worker.on("message", (/** @type {{ bulwark?: string }} */ m) => {
      if (m?.bulwark !== "ready") return;
      served = true;
      balancer.add(worker);
      if (++ready === workers && !listener.listening)
        listener.listen(env.PORT, env.HOST, () => console.log(`✓ Ready on ${address} (${workers} web workers)`));
    });
    worker.on("exit", (code, signal) => {
      balancer.remove(worker);
      if (stopping) return;
      if (!served) {
        console.error(`[bulwark] a web worker could not start (exit ${code ?? signal}): stopping`);
        stop(1);
        return;
      }
      ready--;
      console.error(`[bulwark] a web worker ended (exit ${code ?? signal}); starting another`);
      setTimeout(fork, 1_000).unref();
    });
  };
  for (let i = 0; i < workers; i++) fork();

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    listener.close();
    const alive = Object.values(cluster.workers ?? {}).flatMap((w) => (w && !w.isDead() ? [w] : []));
    if (alive.length === 0) process.exit(code);
    let left = alive.length;
    for (const w of alive) {
      w.once("exit", () => --left === 0 && process.exit(code));
      w.process.kill("SIGTERM");
    }
    setTimeout(() => process.exit(code), 8_000).unref();
  };
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
  process.on("disconnect", () => stop());
}
