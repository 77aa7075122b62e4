import pg from "pg";
import { inject } from "vitest";

import { applyMigrations } from "@/lib/db/schema-engine";

/**
 * A fresh, migrated database of this file's own on the run's server, made the one the app uses.
 * For tests of install-wide state (settings), which the other files' scans must not see change.
 * Import the app's modules after it (dynamically), so they connect to it.
 */
export async function useOwnDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
  return url.toString();
}

/** The app's modules a scan-and-check test uses, loaded after useOwnDatabase so they connect to it. */
export async function loadScanModules() {
  return {
    auth: await import("./auth"),
    prisma: (await import("@/lib/db/client")).getPrisma(),
    createCluster: (await import("@/lib/db/clusters/create-cluster")).createCluster,
    startSnapshot: (await import("@/lib/db/snapshots/start-snapshot")).startSnapshot,
    runSnapshot: (await import("@/lib/scans/run-snapshot")).runSnapshot,
    stopDemoServers: (await import("@/lib/demo/demo-cluster-server")).stopDemoServers,
  };
}
