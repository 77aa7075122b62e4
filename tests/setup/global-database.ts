// One real PostgreSQL for the whole run, in a fresh temporary directory: migrated, then
// removed at the end, so runs never share state.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

import { applyMigrations } from "@/lib/db/schema-engine";
import { startEmbeddedPostgres } from "@/lib/db/start-embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-test-db-"));
  const db = await startEmbeddedPostgres({ dataDir: dir, database: "bulwark_test", persistent: false });
  await applyMigrations(db.url);
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
