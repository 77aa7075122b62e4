import { demoCluster, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { startFakeCluster, type RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import { serveDemoClusterWith } from "@/lib/scans/demo-cluster-source";

const globalForDemo = globalThis as unknown as { bulwarkDemo?: Map<DemoState, Promise<RunningFakeCluster>> };

/**
 * The built-in demo cluster, served on loopback by the fake Kubernetes API server inside this
 * process; scanned like any other cluster, over HTTPS with a bearer token. The edge that starts
 * a process (the worker, the connection-test route) loads this module; loading it makes the
 * scans of this process reach the demo through it.
 */
export function demoServer(state: DemoState = 3): Promise<RunningFakeCluster> {
  globalForDemo.bulwarkDemo ??= new Map();
  let running = globalForDemo.bulwarkDemo.get(state);
  if (!running) {
    running = startFakeCluster(demoCluster(state));
    globalForDemo.bulwarkDemo.set(state, running);
  }
  return running;
}

serveDemoClusterWith(demoServer);

export async function stopDemoServers(): Promise<void> {
  const servers = [...(globalForDemo.bulwarkDemo?.values() ?? [])];
  globalForDemo.bulwarkDemo?.clear();
  await Promise.all(servers.map(async (s) => (await s).close()));
}
