// One collection of the cluster in KUBECONFIG, in its own process so its peak RSS is its own.
import { collectInventory } from "@/lib/k8s/collect-inventory";
import { connect } from "@/lib/k8s/connect";

const conn = await connect(
  { type: "kubeconfig-file", path: process.argv[2] },
  { allowExec: false, allowLoopback: true },
);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
// Synthetic nodes have no kubelets of their own: their configz comes through the node proxy.
const { counts, inventory, warnings } = await collectInventory(conn, { kubeletConfig: "proxy" });
const ms = performance.now() - started;
const objects = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    ms,
    objects,
    workloads: inventory.workloads.length,
    warnings: warnings.length,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
