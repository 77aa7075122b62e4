import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { createFakeApiServer, type FakeApiServer } from "./create-fake-api-server";
import { generateTls } from "./generate-tls";
import type { Faults, FixtureCluster } from "./types";
import { kubeconfigFor } from "./write-kubeconfig";

export type RunningFakeCluster = {
  server: FakeApiServer;
  kubeconfig: string;
  kubeconfigPath?: string;
  close: () => Promise<void>;
};

/**
 * Serves a fixture cluster on loopback with a fresh CA and a random bearer token, and
 * returns a kubeconfig for it (also written, mode 0600, when `kubeconfigPath` is given).
 */
export async function startFakeCluster(
  cluster: FixtureCluster,
  opts: { port?: number; kubeconfigPath?: string; faults?: Faults } = {},
): Promise<RunningFakeCluster> {
  const tls = await generateTls();
  const token = randomBytes(24).toString("base64url");
  const server = await createFakeApiServer({ cluster, tls, token, port: opts.port, faults: opts.faults });
  const kubeconfig = kubeconfigFor({ name: cluster.name, server: server.url, caPem: tls.caPem, token });
  if (opts.kubeconfigPath) {
    mkdirSync(path.dirname(opts.kubeconfigPath), { recursive: true });
    writeFileSync(opts.kubeconfigPath, kubeconfig, { mode: 0o600 });
  }
  return { server, kubeconfig, kubeconfigPath: opts.kubeconfigPath, close: () => server.close() };
}
