import { connect, type ClusterSource, type ConnectPolicy } from "./connect";
import { createKubeHttp, KubeApiError } from "./kube-http";
import { listPath, RESOURCE_KINDS, resourceLabel } from "./resource-kinds";

export type ConnectionTest =
  | {
      reachable: true;
      version: string;
      resources: { resource: string; readable: boolean; reason?: string }[];
      warnings: string[];
    }
  | { reachable: false; error: string };

/**
 * Checks a cluster the way a scan would, but cheaply: the version, then one item of every
 * resource Bulwark reads, to say which are readable and which permission is missing.
 */
export async function testConnection(
  source: ClusterSource,
  policy: ConnectPolicy,
  timeoutMs = 10_000,
): Promise<ConnectionTest> {
  let conn;
  try {
    conn = await connect(source, policy);
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
  const http = createKubeHttp(conn, {
    requestTimeoutMs: timeoutMs,
    maxRetries: 1,
    signal: AbortSignal.timeout(timeoutMs * 3),
  });
  try {
    const version = await http.getJson<{ gitVersion: string }>("/version");
    const groups = new Set(
      ((await http.getJson<{ groups?: { name: string }[] }>("/apis").catch(() => ({ groups: [] }))).groups ?? []).map(
        (g) => g.name,
      ),
    );
    const kinds = RESOURCE_KINDS.filter((k) => !k.fieldSelector && (!k.optional || groups.has(k.group)));
    const resources = await Promise.all(
      kinds.map(async (k) => {
        try {
          await http.getJson(`${listPath(k)}?limit=1`, {
            accept: k.metadataOnly
              ? "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"
              : "application/json",
          });
          return { resource: resourceLabel(k), readable: true };
        } catch (error) {
          return {
            resource: resourceLabel(k),
            readable: false,
            reason:
              error instanceof KubeApiError && error.status === 403
                ? `forbidden: grant "list" on ${resourceLabel(k)}`
                : error instanceof Error
                  ? error.message
                  : String(error),
          };
        }
      }),
    );
    return { reachable: true, version: version.gitVersion, resources, warnings: conn.warnings };
  } catch (error) {
    const status = error instanceof KubeApiError ? error.status : null;
    return {
      reachable: false,
      error:
        status === 401
          ? "the API server refused the credentials (401 Unauthorized)"
          : error instanceof Error
            ? error.message
            : String(error),
    };
  } finally {
    http.close();
  }
}
