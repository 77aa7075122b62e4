// The scan worker: registers the demo cluster on a first start, then runs queued and scheduled
// scans until SIGINT/SIGTERM. `npm start` runs one next to the web server; run more for scale.
import { stopBoss } from "@/lib/jobs/boss";
import { stopDemoServers } from "@/lib/jobs/demo-cluster-server";
import { registerDemoClusterIfEmpty } from "@/lib/jobs/register-demo-cluster";
import { failInterruptedScans, startWorker } from "@/lib/jobs/start-worker";
import { log } from "@/lib/log";

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

await registerDemoClusterIfEmpty();
if (!stopping) {
  await startWorker();
  log.info("scan worker started");
}
