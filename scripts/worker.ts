// The scan worker: registers the demo cluster on a first start, then runs queued and scheduled
// scans until SIGINT/SIGTERM. `npm start` runs one next to the web server; run more for scale.
import { registerInClusterIfAbsent } from "@/lib/clusters/register-in-cluster";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import { registerDemoClusterIfEmpty } from "@/lib/demo/register-demo-cluster";
import { env } from "@/lib/env.js";
import { stopBoss } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { requestScan } from "@/lib/scans/request-scan";
import { failInterruptedScans, startWorker } from "@/lib/scans/start-worker";

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Lets the scan in hand finish within pg-boss's grace time…
  await stopBoss().catch(() => {});
  // …and marks one cut short failed now, so its cluster can be scanned again at once.
  await failInterruptedScans().catch(() => {});
  await stopDemoServers().catch(() => {});
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
// Run by `npm start`: stop when it goes away, however it ended.
process.on("disconnect", () => void stop());

// In a cluster (Helm chart): the cluster Bulwark runs in comes first, so no demo is registered.
const inCluster = env.BULWARK_IN_CLUSTER_NAME ? await registerInClusterIfAbsent(env.BULWARK_IN_CLUSTER_NAME) : null;
await registerDemoClusterIfEmpty();
if (!stopping) {
  await startWorker();
  log.info("scan worker started");
  if (inCluster) await requestScan(inCluster, "schedule"); // its first scan now, not at the next tick
}
