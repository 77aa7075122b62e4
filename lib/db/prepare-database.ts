import { env } from "@/lib/env.js";

import { applyMigrationsOnce } from "./apply-migrations-once";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./start-embedded-postgres";

export type PreparedDatabase = { url: string; embedded: EmbeddedDatabase | null; applied: string[] };

/**
 * Chooses the database (DATABASE_URL, else the embedded server under BULWARK_DATA_DIR)
 * and applies pending migrations.
 */
export async function prepareDatabase(log: (line: string) => void): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let url = env.DATABASE_URL;
  if (!url) {
    log(`Starting embedded PostgreSQL in ${env.BULWARK_DATA_DIR}/pg`);
    embedded = await startEmbeddedPostgres({ dataDir: env.BULWARK_DATA_DIR, onNotice: log });
    url = embedded.url;
  }
  try {
    const applied = await applyMigrationsOnce(url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
    return { url, embedded, applied };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
