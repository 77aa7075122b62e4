import { NextResponse, type NextRequest } from "next/server";

import { isHttps } from "@/lib/auth/app-origin";
import { securityHeaders } from "@/lib/auth/security-headers";
import { env } from "@/lib/env.js";

/** Whether every %-escape in the address decodes (Next answers a bare 500 when a dynamic segment's does not). */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Runs before every request: a fresh CSP nonce (Next.js reads it from the request's policy
// header and puts it on its own scripts) and the security headers on every response.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders(nonce, { https: isHttps(), dev: env.NODE_ENV === "development" });
  if (!isDecodable(request.nextUrl.pathname)) {
    return new NextResponse("Bad request: the address has a malformed %-escape.", {
      status: 400,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
