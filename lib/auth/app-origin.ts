// Relative, not "@/": scripts/web-server.mjs imports this file under plain Node.
import { env } from "../env.js";

/** Where users reach Bulwark: BULWARK_URL, else the address `npm start` listens on. */
export function appUrl(): string {
  return (env.BULWARK_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, "");
}

/** Origins a browser may send state-changing requests from: the app's own, nothing else. */
export function trustedOrigins(): string[] {
  const origin = new URL(appUrl()).origin;
  if (env.BULWARK_URL) return [origin];
  // Without a configured URL, "localhost" and "127.0.0.1" are both the local app.
  return [origin, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
}

export function isHttps(): boolean {
  return appUrl().startsWith("https://");
}
