// The lower bound: the same requests as a collection (every list page, every node's configz),
// with a keep-alive HTTPS agent and JSON.parse, keeping nothing.
import { Agent, get } from "node:https";

import { connect } from "@/lib/k8s/connect";
import { listPath, RESOURCE_KINDS } from "@/lib/k8s/resource-kinds";

const conn = await connect(
  { type: "kubeconfig-file", path: process.argv[2] },
  { allowExec: false, allowLoopback: true },
);
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const fetchJson = (path: string, accept = "application/json") =>
  new Promise<{ metadata?: { continue?: string }; items?: { metadata: { name: string } }[] }>((resolve, reject) => {
    get(
      {
        ...conn.options,
        agent,
        hostname: conn.server.hostname,
        port: conn.server.port,
        path,
        headers: { ...conn.options.headers, accept },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      },
    ).on("error", reject);
  });

const started = performance.now();
let objects = 0;
const nodes: string[] = [];
const queue = [...RESOURCE_KINDS];
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (let kind = queue.shift(); kind; kind = queue.shift()) {
      let token: string | undefined;
      do {
        const q = new URLSearchParams({
          limit: "500",
          ...(token ? { continue: token } : {}),
          ...(kind.fieldSelector ? { fieldSelector: kind.fieldSelector } : {}),
        });
        const page = await fetchJson(
          `${listPath(kind)}?${q}`,
          kind.metadataOnly ? "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1" : undefined,
        ).catch(() => ({ items: [] }) as { items: [] });
        objects += page.items?.length ?? 0;
        if (kind.kind === "Node") for (const n of page.items ?? []) nodes.push(n.metadata.name);
        token = "metadata" in page ? page.metadata?.continue : undefined;
      } while (token);
    }
  }),
);
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (let n = nodes.shift(); n; n = nodes.shift()) await fetchJson(`/api/v1/nodes/${n}/proxy/configz`);
  }),
);
console.log(
  JSON.stringify({ ms: performance.now() - started, objects, maxRss: process.resourceUsage().maxRSS * 1024 }),
);
agent.destroy();
