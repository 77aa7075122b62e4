import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";

import { API_KINDS, type ApiKind } from "./api-kinds";
import { ANONYMOUS, anonymousAllowed, type AnonymousRequest } from "./authorize-anonymous";
import { startFakeKubelets, type FakeKubelets } from "./fake-kubelets";
import type { TlsMaterial } from "./generate-tls";
import type { ApiObject, Faults, FixtureCluster } from "./types";

const BUILTIN_GROUPS = [
  "apps",
  "batch",
  "autoscaling",
  "networking.k8s.io",
  "rbac.authorization.k8s.io",
  "policy",
  "node.k8s.io",
  "admissionregistration.k8s.io",
];
const RESOURCE_VERSION = "424242";

export type FakeApiServer = {
  url: string;
  port: number;
  server: Server;
  requests: { path: string; auth: string | undefined; accept: string | undefined }[];
  /** Requests to the nodes' kubelets (with `kubelets: true`). */
  kubeletRequests: FakeKubelets["requests"];
  close: () => Promise<void>;
};

type Options = {
  cluster: FixtureCluster;
  tls: TlsMaterial;
  token: string;
  faults?: Faults;
  port?: number;
  host?: string;
  /**
   * Serve each node's kubelet configuration from its own kubelet endpoint too, as a real cluster
   * does (see startFakeKubelets). Default: on for clusters of up to 100 nodes; the synthetic
   * clusters of thousands serve configz through the node proxy only.
   */
  kubelets?: boolean;
  /** The kubelets' serving certificate (default: the API server's, signed by the cluster CA). */
  kubeletTls?: TlsMaterial;
  /** The InternalIP the nodes report for their kubelets (default: `host`, where they listen). */
  kubeletAddress?: string;
};

const groupOf = (apiVersion: string) => (apiVersion.includes("/") ? apiVersion.split("/")[0]! : "");
const resourceName = (k: ApiKind) => (k.group ? `${k.plural}.${k.group}` : k.plural);

function status(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(code, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code }));
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Index objects by API kind, each list in a stable order (namespace, name), as etcd keys are. */
function indexObjects(objects: ApiObject[]): Map<ApiKind, ApiObject[]> {
  const index = new Map<ApiKind, ApiObject[]>(API_KINDS.map((k) => [k, []]));
  for (const o of objects) {
    const kind = API_KINDS.find((k) => k.kind === o.kind && k.group === groupOf(o.apiVersion));
    if (kind) index.get(kind)!.push(o);
  }
  for (const list of index.values()) {
    list.sort(
      (a, b) =>
        (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "") ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  }
  return index;
}

function matchesFieldSelector(o: ApiObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const [path, value] = term.split("=") as [string, string];
    let v: unknown = o;
    for (const part of path.split(".")) v = (v as Record<string, unknown> | undefined)?.[part];
    return String(v ?? "") === value;
  });
}

/**
 * A test and demo double of the Kubernetes REST API over HTTPS: bearer-token auth (and, where
 * the fixture enables anonymous auth, unauthenticated requests authorised by its RBAC), discovery,
 * /version, core and group paths, cluster-wide and namespaced lists with limit/continue,
 * metadata-only lists, field selectors, node proxy configz, and injectable faults.
 */
export async function createFakeApiServer({
  cluster,
  tls,
  token,
  faults = {},
  port = 0,
  host = "127.0.0.1",
  kubelets: withKubelets = Object.keys(cluster.kubeletConfigs ?? {}).length <= 100,
  kubeletTls = tls,
  kubeletAddress,
}: Options): Promise<FakeApiServer> {
  const nodes = withKubelets
    ? await startFakeKubelets(cluster, {
        tls: kubeletTls,
        token,
        host,
        address: kubeletAddress,
        forbid: faults.forbidConfigz,
      })
    : undefined;
  const index = indexObjects(nodes?.objects ?? cluster.objects);
  const groups = new Set([
    ...BUILTIN_GROUPS,
    ...(cluster.installedGroups ?? []),
    ...cluster.objects.map((o) => groupOf(o.apiVersion)).filter(Boolean),
  ]);
  const requests: FakeApiServer["requests"] = [];
  const counters = { tooMany: 0, errors: 0, drops: 0, expired: 0 };

  function list(
    req: IncomingMessage,
    res: ServerResponse,
    kind: ApiKind,
    namespace: string | undefined,
    query: URLSearchParams,
  ) {
    if (faults.forbidden?.includes(resourceName(kind))) {
      const scope = namespace ? `in the namespace "${namespace}"` : "at the cluster scope";
      return status(
        res,
        403,
        "Forbidden",
        `${resourceName(kind)} is forbidden: User "system:serviceaccount:bulwark:scanner" cannot list resource "${kind.plural}" in API group "${kind.group}" ${scope}`,
      );
    }
    if (faults.tooManyRequests && counters.tooMany < faults.tooManyRequests.times) {
      counters.tooMany++;
      return status(res, 429, "TooManyRequests", "Too many requests, please try again later.", {
        "retry-after": String(faults.tooManyRequests.retryAfterSeconds),
      });
    }
    const failing =
      faults.serverErrors &&
      (!faults.serverErrors.resources || faults.serverErrors.resources.includes(resourceName(kind)));
    if (failing && counters.errors < faults.serverErrors!.times) {
      counters.errors++;
      return status(res, 500, "InternalError", "Internal error occurred: etcdserver: request timed out");
    }
    const cont = query.get("continue");
    if (
      cont &&
      faults.expireContinue?.resource === resourceName(kind) &&
      counters.expired < faults.expireContinue.times
    ) {
      counters.expired++;
      return status(
        res,
        410,
        "Expired",
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
      );
    }
    let offset = 0;
    if (cont) {
      try {
        offset = (JSON.parse(Buffer.from(cont, "base64url").toString()) as { start: number }).start;
      } catch {
        return status(res, 400, "BadRequest", "continue key is not valid");
      }
    }
    const all = index
      .get(kind)!
      .filter(
        (o) =>
          (!namespace || o.metadata.namespace === namespace) && matchesFieldSelector(o, query.get("fieldSelector")),
      );
    // Like the real server, limit is honoured unless resourceVersion=0 asks for the watch cache.
    const limit = query.get("resourceVersion") === "0" ? 0 : Number(query.get("limit") ?? 0);
    const page = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
    const next =
      limit > 0 && offset + limit < all.length
        ? Buffer.from(JSON.stringify({ start: offset + limit })).toString("base64url")
        : undefined;
    const metadataOnly = (req.headers.accept ?? "").includes("as=PartialObjectMetadataList");
    const metadata = {
      resourceVersion: RESOURCE_VERSION,
      ...(next ? { continue: next, remainingItemCount: all.length - offset - page.length } : {}),
    };
    if (metadataOnly) {
      return json(res, {
        kind: "PartialObjectMetadataList",
        apiVersion: "meta.k8s.io/v1",
        metadata,
        items: page.map((o) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata })),
      });
    }
    json(res, {
      kind: `${kind.kind}List`,
      apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
      metadata,
      items: page,
    });
  }

  /** An unauthenticated request goes on only where RBAC lets the anonymous user through. */
  function forbidsAnonymous(res: ServerResponse, anonymous: boolean, request: AnonymousRequest): boolean {
    if (!anonymous || anonymousAllowed(cluster.objects, request)) return false;
    if ("path" in request)
      status(res, 403, "Forbidden", `forbidden: User "${ANONYMOUS.user}" cannot get path "${request.path}"`);
    else {
      const scope = request.namespace ? `in the namespace "${request.namespace}"` : "at the cluster scope";
      status(
        res,
        403,
        "Forbidden",
        `${resourceName(request.kind)} is forbidden: User "${ANONYMOUS.user}" cannot list resource "${request.kind.plural}" in API group "${request.kind.group}" ${scope}`,
      );
    }
    return true;
  }

  function route(req: IncomingMessage, res: ServerResponse, anonymous: boolean) {
    const url = new URL(req.url ?? "/", "https://fake");
    const parts = url.pathname.split("/").filter(Boolean);
    const nonResource = ["/version", "/api", "/apis", "/healthz", "/livez", "/readyz"].includes(url.pathname);
    if (nonResource && forbidsAnonymous(res, anonymous, { path: url.pathname })) return;
    if (url.pathname === "/version")
      return json(res, {
        ...cluster.version,
        buildDate: "2026-06-01T00:00:00Z",
        goVersion: "go1.24.4",
        compiler: "gc",
        platform: cluster.version.platform ?? "linux/amd64",
      });
    if (url.pathname === "/api") return json(res, { kind: "APIVersions", versions: ["v1"] });
    if (url.pathname === "/apis") {
      const byGroup = [...groups].sort().map((g) => {
        const versions = [...new Set(API_KINDS.filter((k) => k.group === g).map((k) => k.version))].map((v) => ({
          groupVersion: `${g}/${v}`,
          version: v,
        }));
        return { name: g, versions, preferredVersion: versions[0] };
      });
      return json(res, { kind: "APIGroupList", apiVersion: "v1", groups: byGroup.filter((g) => g.versions.length) });
    }
    // /api/v1/nodes/{name}/proxy/configz
    if (parts[0] === "api" && parts[2] === "nodes" && parts[4] === "proxy" && parts[5] === "configz") {
      const name = parts[3]!;
      if (anonymous)
        return status(
          res,
          403,
          "Forbidden",
          `nodes "${name}" is forbidden: User "${ANONYMOUS.user}" cannot get resource "nodes/proxy" in API group "" at the cluster scope`,
        );
      if (faults.forbidProxy)
        return status(
          res,
          403,
          "Forbidden",
          `nodes "${name}" is forbidden: User "system:serviceaccount:bulwark:scanner" cannot get resource "nodes/proxy" in API group "" at the cluster scope`,
        );
      const config = cluster.kubeletConfigs?.[name];
      if (!config) return status(res, 404, "NotFound", `nodes "${name}" not found`);
      return json(res, { kubeletconfig: config });
    }
    const [root, ...rest] = parts;
    const [group, version, ...tail] = root === "api" ? ["", ...rest] : root === "apis" ? rest : [];
    if (version === undefined) return status(res, 404, "NotFound", "the server could not find the requested resource");
    const namespaced = tail[0] === "namespaces" && tail.length === 3;
    const plural = namespaced ? tail[2] : tail.length === 1 ? tail[0] : undefined;
    const kind = API_KINDS.find((k) => k.group === group && k.version === version && k.plural === plural);
    const tooNew = kind?.since !== undefined && Number.parseInt(cluster.version.minor, 10) < kind.since;
    if (!kind || tooNew || (group && !groups.has(group)) || (namespaced && !kind.namespaced)) {
      return status(res, 404, "NotFound", "the server could not find the requested resource");
    }
    if (forbidsAnonymous(res, anonymous, { kind, namespace: namespaced ? tail[1] : undefined })) return;
    return list(req, res, kind, namespaced ? tail[1] : undefined, url.searchParams);
  }

  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    requests.push({ path: req.url ?? "", auth: req.headers.authorization, accept: req.headers.accept });
    if (faults.hang) return;
    if (faults.dropConnections && counters.drops < faults.dropConnections.times) {
      counters.drops++;
      req.socket.destroy();
      return;
    }
    // No credential at all is the anonymous user when the cluster enables anonymous auth; a wrong one is always refused.
    const anonymous = req.headers.authorization === undefined && cluster.anonymousAuth === true;
    if (!anonymous && req.headers.authorization !== `Bearer ${token}`)
      return status(res, 401, "Unauthorized", "Unauthorized");
    if (req.method !== "GET")
      return status(res, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    if (faults.delayMs) setTimeout(() => route(req, res, anonymous), faults.delayMs);
    else route(req, res, anonymous);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `https://${host.includes(":") ? `[${host}]` : host}:${actual}`,
    port: actual,
    server,
    requests,
    kubeletRequests: nodes?.kubelets.requests ?? [],
    close: async () => {
      await nodes?.kubelets.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
