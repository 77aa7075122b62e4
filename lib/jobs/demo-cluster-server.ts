import { demoCluster, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { startFakeCluster, type RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";

const globalForDemo = globalThis as unknown as { bulwarkDemo?: Map<DemoState, Promise<RunningFakeCluster>> };

/**
 * The built-in demo cluster, served on loopback by the fake Kubernetes API server inside this
 * process; scanned like any other cluster, over HTTPS with a bearer token.
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

export async function stopDemoServers(): Promise<void> {
  const servers = [...(globalForDemo.bulwarkDemo?.values() ?? [])];
  globalForDemo.bulwarkDemo?.clear();
  await Promise.all(servers.map(async (s) => (await s).close()));
}
