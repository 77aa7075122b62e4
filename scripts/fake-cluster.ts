// Runs a fixture cluster behind the fake Kubernetes API server until stopped:
//   tsx scripts/fake-cluster.ts --cluster demo|hardened|synthetic [--state 0-3] [--nodes N --pods N]
//                               [--port P] --kubeconfig FILE
// Prints one JSON line {"url", "kubeconfig", "objects"} once it is listening.
import { parseArgs } from "node:util";
import { demoCluster, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { hardenedCluster } from "@/lib/fake-api-server/clusters/hardened";
import { syntheticCluster } from "@/lib/fake-api-server/clusters/synthetic";
import { startFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";

const { values } = parseArgs({
  options: {
    cluster: { type: "string", default: "demo" },
    state: { type: "string", default: "3" },
    nodes: { type: "string", default: "100" },
    pods: { type: "string", default: "3000" },
    port: { type: "string", default: "0" },
    kubeconfig: { type: "string" },
    /** Resources to answer 403 for, comma-separated ("networkpolicies.networking.k8s.io"): a scanner role that lacks them. */
    forbid: { type: "string", default: "" },
  },
});
const fixture =
  values.cluster === "hardened"
    ? hardenedCluster()
    : values.cluster === "synthetic"
      ? syntheticCluster({ nodes: Number(values.nodes), pods: Number(values.pods) })
      : demoCluster(Number(values.state) as DemoState);
const forbidden = values.forbid.split(",").filter(Boolean);
const running = await startFakeCluster(fixture, { port: Number(values.port), kubeconfigPath: values.kubeconfig, faults: forbidden.length ? { forbidden } : undefined });
console.log(JSON.stringify({ url: running.server.url, kubeconfig: running.kubeconfigPath, objects: fixture.objects.length }));
const stop = () => void running.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
