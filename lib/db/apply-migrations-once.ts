import pg from "pg";

import { applyMigrations } from "./schema-engine";

/** pg_advisory_lock key for migrations ("Bulw" in ASCII): one holder across every replica. */
const MIGRATION_LOCK = 0x42756c77;

/**
 * Applies pending migrations while holding a session advisory lock, so any number of web and
 * worker processes starting at once (replicas, a rolling upgrade) run them exactly once: the
 * first applies them, the others wait, then find nothing pending. The lock ends with the
 * session, so a process killed mid-way never leaves it held.
 */
export async function applyMigrationsOnce(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "bulwark-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await applyMigrations(databaseUrl);
  } finally {
    await client.end();
  }
}
