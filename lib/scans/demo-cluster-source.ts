/** One of the built-in demo cluster's dated states (0 is the oldest, 3 today's). */
export type DemoState = 0 | 1 | 2 | 3;
/** Serves the demo cluster in a state and gives the kubeconfig that reaches it. */
export type DemoClusterServer = (state: DemoState) => Promise<{ kubeconfig: string }>;

const globalForDemo = globalThis as unknown as { bulwarkDemoClusterServer?: DemoClusterServer };

/**
 * Set by the edge that serves the built-in demo cluster (lib/demo, loaded by the worker, the
 * connection-test route and tests); the scan pipeline itself never loads the server that plays it.
 */
export function serveDemoClusterWith(server: DemoClusterServer): void {
  globalForDemo.bulwarkDemoClusterServer = server;
}

/** The kubeconfig of the demo cluster in a state, from the server the edge set. */
export async function demoClusterKubeconfig(state: DemoState): Promise<string> {
  const server = globalForDemo.bulwarkDemoClusterServer;
  if (!server) throw new Error("the built-in demo cluster is not served by this process (lib/demo is not loaded)");
  return (await server(state)).kubeconfig;
}
