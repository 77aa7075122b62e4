// Runs a fixture cluster behind the fake Kubernetes API server until stopped, optionally with
// the faults of a real cluster's bad day. `--help` lists the options.
// Prints one JSON line {"url", "kubeconfig", "objects", "faults"} once it is listening.
import { parseArgs } from "node:util";

import { demoCluster, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { hardenedCluster } from "@/lib/fake-api-server/clusters/hardened";
import { syntheticCluster } from "@/lib/fake-api-server/clusters/synthetic";
import { startFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import type { Faults } from "@/lib/fake-api-server/types";

const HELP = `Usage: npx tsx scripts/fake-cluster.ts [options]

Serves a fixture cluster over HTTPS on 127.0.0.1 and writes a kubeconfig for it.

Cluster:
  --cluster demo|hardened|synthetic   which fixture (default demo)
  --state 0-3                         demo cluster state (default 3)
  --nodes N --pods N                  synthetic cluster size (default 100 / 3000)
  --port P                            port to listen on (default: any free one)
  --kubeconfig FILE                   write the kubeconfig here (mode 0600)

Faults (resources as "plural" for core, "plural.group" otherwise, comma-separated):
  --forbid RESOURCES                  answer 403 to lists of these (a scanner role without them)
  --forbid-proxy                      answer 403 to node proxy (kubelet configz) requests
  --forbid-configz                    the kubelets answer 403 to /configz (a scanner without nodes/configz)
  --fail RESOURCES                    answer 500 to every list of these (retries run out)
  --server-errors N                   answer 500 to the first N list requests
  --too-many-requests N               answer 429 to the first N list requests
  --retry-after S                     Retry-After of those 429 answers, in seconds (default 1)
  --drop N                            close the connection of the first N requests unanswered
  --delay MS                          wait this long before every answer
  --hang                              accept connections, never answer
  -h, --help                          this text
`;

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number, not "${value}"`);
    process.exit(2);
  }
  return n;
}
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

let values;
try {
  ({ values } = parseArgs({
    options: {
      cluster: { type: "string", default: "demo" },
      state: { type: "string", default: "3" },
      nodes: { type: "string", default: "100" },
      pods: { type: "string", default: "3000" },
      port: { type: "string", default: "0" },
      kubeconfig: { type: "string" },
      forbid: { type: "string" },
      "forbid-proxy": { type: "boolean", default: false },
      "forbid-configz": { type: "boolean", default: false },
      fail: { type: "string" },
      "server-errors": { type: "string" },
      "too-many-requests": { type: "string" },
      "retry-after": { type: "string", default: "1" },
      drop: { type: "string" },
      delay: { type: "string" },
      hang: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (!["demo", "hardened", "synthetic"].includes(values.cluster)) {
  console.error(`--cluster must be demo, hardened or synthetic, not "${values.cluster}"`);
  process.exit(2);
}

const failing = list(values.fail);
const serverErrors = count("server-errors", values["server-errors"]);
const tooMany = count("too-many-requests", values["too-many-requests"]);
const drops = count("drop", values.drop);
const delayMs = count("delay", values.delay);
const faults: Faults = {
  ...(list(values.forbid).length ? { forbidden: list(values.forbid) } : {}),
  ...(values["forbid-proxy"] ? { forbidProxy: true } : {}),
  ...(values["forbid-configz"] ? { forbidConfigz: true } : {}),
  ...(failing.length
    ? { serverErrors: { times: Number.MAX_SAFE_INTEGER, resources: failing } }
    : serverErrors
      ? { serverErrors: { times: serverErrors } }
      : {}),
  ...(tooMany
    ? { tooManyRequests: { times: tooMany, retryAfterSeconds: count("retry-after", values["retry-after"])! } }
    : {}),
  ...(drops ? { dropConnections: { times: drops } } : {}),
  ...(delayMs ? { delayMs } : {}),
  ...(values.hang ? { hang: true } : {}),
};

const fixture =
  values.cluster === "hardened"
    ? hardenedCluster()
    : values.cluster === "synthetic"
      ? syntheticCluster({ nodes: count("nodes", values.nodes)!, pods: count("pods", values.pods)! })
      : demoCluster(count("state", values.state) as DemoState);
const running = await startFakeCluster(fixture, {
  port: count("port", values.port),
  kubeconfigPath: values.kubeconfig,
  faults,
});
console.log(
  JSON.stringify({
    url: running.server.url,
    kubeconfig: running.kubeconfigPath,
    objects: fixture.objects.length,
    faults,
  }),
);
const stop = () => void running.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
