import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";

import type { TlsMaterial } from "./generate-tls";
import type { ApiObject, FixtureCluster } from "./types";

export type FakeKubelets = {
  requests: { node: string; path: string; auth: string | undefined }[];
  close: () => Promise<void>;
};

/**
 * One HTTPS server per node with a kubelet configuration, like each node's kubelet on port
 * 10250: GET /configz with a bearer token (webhook authentication and authorization; 403 for
 * nodes in `forbid`, as when the caller lacks nodes/configz). The node objects then say where
 * they are, as real ones do: an InternalIP and status.daemonEndpoints.kubeletEndpoint.Port.
 * `address` is the InternalIP the nodes report (default: `host`, where the kubelets listen),
 * e.g. another spelling of it, as a hostile node object could give.
 */
export async function startFakeKubelets(
  cluster: FixtureCluster,
  options: { tls: TlsMaterial; token: string; host: string; address?: string; forbid?: boolean },
): Promise<{ kubelets: FakeKubelets; objects: ApiObject[] }> {
  const requests: FakeKubelets["requests"] = [];
  const servers: Server[] = [];
  const ports = new Map<string, number>();
  for (const [node, config] of Object.entries(cluster.kubeletConfigs ?? {})) {
    const server = createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (req, res) => {
      requests.push({ node, path: req.url ?? "", auth: req.headers.authorization });
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { "content-type": code === 200 ? "application/json" : "text/plain" });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, "Unauthorized");
      if (req.url !== "/configz") return send(404, "404 page not found");
      if (options.forbid)
        return send(
          403,
          "Forbidden (user=system:serviceaccount:bulwark:scanner, verb=get, resource=nodes, subresource=configz)",
        );
      send(200, { kubeletconfig: config });
    });
    await new Promise<void>((resolve) => server.listen(0, options.host, resolve));
    servers.push(server);
    ports.set(node, (server.address() as AddressInfo).port);
  }
  const objects = cluster.objects.map((o) => {
    const port = o.kind === "Node" ? ports.get(o.metadata.name) : undefined;
    if (port === undefined) return o;
    const status = (o.status ?? {}) as { addresses?: { type: string; address: string }[] };
    const addresses = [
      { type: "InternalIP", address: options.address ?? options.host },
      ...(status.addresses ?? []).filter((a) => a.type !== "InternalIP"),
    ];
    return { ...o, status: { ...status, addresses, daemonEndpoints: { kubeletEndpoint: { Port: port } } } };
  });
  const close = async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  };
  return { kubelets: { requests, close }, objects };
}
