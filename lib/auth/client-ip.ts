/**
 * The caller's address. The web server (scripts/web-server.mjs) replaces X-Forwarded-For with
 * the socket's address unless BULWARK_TRUST_PROXY is set, in which case the left-most entry is
 * the client as the operator's proxy saw it.
 */
export function clientIp(headers: Headers): string | null {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.replace(/^::ffff:/, "") : null;
}
