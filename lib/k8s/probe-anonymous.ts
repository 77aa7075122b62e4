import type { AnonymousProbe } from "@/lib/inventory/admission-types";

import type { Connection } from "./connect";
import { createKubeHttp, KubeApiError } from "./kube-http";

/** A list every authorised caller may make and no anonymous one should: one item is enough. */
export const ANONYMOUS_PROBE_PATH = "/api/v1/namespaces?limit=1";

/**
 * The connection without any credential: the same server, CA and TLS settings (server name,
 * verification), no bearer token, client certificate or basic auth.
 */
function anonymousConnection(conn: Connection): Connection {
  const { ca, servername, rejectUnauthorized } = conn.options;
  return { ...conn, options: { ca, rejectUnauthorized, ...(servername ? { servername } : {}) } };
}

/**
 * Asks the API server for a list as nobody: the answer's status tells whether anonymous
 * requests are authorised (200) or not (401 anonymous auth off, 403 on but not authorised).
 * A network error or timeout is no answer, with why. One request, a short timeout, no retries.
 */
export async function probeAnonymous(
  conn: Connection,
  timeoutMs = 5_000,
): Promise<{ probe: AnonymousProbe } | { reason: string }> {
  const http = createKubeHttp(anonymousConnection(conn), { requestTimeoutMs: timeoutMs, maxRetries: 0, maxSockets: 1 });
  try {
    await http.getJson(ANONYMOUS_PROBE_PATH);
    return { probe: { path: ANONYMOUS_PROBE_PATH, status: 200 } };
  } catch (error) {
    if (error instanceof KubeApiError && (error.status === 401 || error.status === 403))
      return { probe: { path: ANONYMOUS_PROBE_PATH, status: error.status } };
    // Anything else (a 5xx, a page that is not a Kubernetes list) tells nothing either way.
    if (error instanceof KubeApiError && error.status !== null)
      return {
        reason: `the unauthenticated request to ${ANONYMOUS_PROBE_PATH} was answered ${error.status} (${error.reason}), which tells neither way`,
      };
    return {
      reason: `the unauthenticated request to ${ANONYMOUS_PROBE_PATH} got no answer: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    http.close();
  }
}
