// The web server `npm start` runs: Next.js behind a plain Node HTTP server, so the client
// address the app sees (X-Forwarded-For) is the socket's own unless BULWARK_TRUST_PROXY says a
// reverse proxy of the operator's sets it. Without this a client could claim any address and
// dodge per-address sign-in limits or forge the audit log's "from where".
import { createServer } from "node:http";
import next from "next";

import { env } from "../lib/env.js";

const dev = process.argv.includes("--dev");
const app = next({ dev, hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  if (!env.BULWARK_TRUST_PROXY) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    delete req.headers["x-real-ip"];
  }
  void handle(req, res);
});
// A port that cannot be had ends the process (Next's own handlers would keep it alive, serving nothing).
server.on("error", (error) => {
  console.error(`[bulwark] the web server cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
  process.exit(1);
});
server.listen(env.PORT, env.HOST, () => console.log(`✓ Ready on http://${env.HOST}:${env.PORT}`));

// Stops on a signal, or when `npm start` (the parent holding our IPC channel) goes away.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still running (a long CSV export) get a few seconds, then the process ends.
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
