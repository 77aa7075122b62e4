/**
 * API answers carry posture data, user data or secrets: no browser, proxy or CDN may keep a
 * copy (`Cache-Control: no-store`). A route that sets its own Cache-Control keeps it.
 */
export function noStore(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", "no-store");
    return response;
  } catch {
    // Immutable headers (a redirect): the same answer with the header added.
    const headers = new Headers(response.headers);
    headers.set("cache-control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
