// The image's one entrypoint (bundled to /app/main.mjs): `web`, `worker`, `bulwark ARGS`,
// `migrate`, `database` (the chart's bundled PostgreSQL, for trying Bulwark out), and the
// probes `alive` (worker) and `database-ready`. No shell is involved anywhere.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";

const APP = path.dirname(new URL(import.meta.url).pathname);
const WORKER_ALIVE = "/tmp/bulwark-worker-alive";
const [command = "web", ...args] = process.argv.slice(2);
/** Where the process was started (`docker run -w /src …`): the CLI's paths are relative to it. */
const startDir = process.cwd();

/** Secrets arrive as files named after the variables they set (BULWARK_SECRETS_DIR), never in the environment of the pod spec. */
function loadSecretFiles() {
  const dir = process.env.BULWARK_SECRETS_DIR;
  if (!dir) return;
  for (const name of readdirSync(dir)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name) || process.env[name] !== undefined) continue;
    process.env[name] = readFileSync(path.join(dir, name), "utf8").trim();
  }
}

async function migrate() {
  const { env } = await import("@/lib/env.js");
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set (the chart mounts it from a Secret)");
  const { applyMigrationsOnce } = await import("@/lib/db/apply-migrations-once");
  const applied = await applyMigrationsOnce(env.DATABASE_URL);
  console.log(
    JSON.stringify({
      level: "info",
      msg: applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is current",
    }),
  );
}

async function web() {
  await migrate();
  // What Next's standalone server.js does: hand the build's config to `next()`.
  const files = JSON.parse(readFileSync(path.join(APP, ".next-image", "required-server-files.json"), "utf8")) as {
    config: unknown;
  };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(files.config);
  await import("../web-server.mjs");
}

async function worker() {
  await migrate();
  writeFileSync(WORKER_ALIVE, "");
  setInterval(() => utimesSync(WORKER_ALIVE, new Date(), new Date()), 10_000).unref();
  await import("../worker");
}

/** The worker's liveness probe: its event loop touched the file in the last 90 seconds. */
function alive(): number {
  try {
    return Date.now() - statSync(WORKER_ALIVE).mtimeMs < 90_000 ? 0 : 1;
  } catch {
    return 1;
  }
}

async function database() {
  const { startBundledPostgres } = await import("./bundled-postgres");
  await startBundledPostgres();
}

async function databaseReady(): Promise<number> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({
    host: "127.0.0.1",
    port: Number(process.env.PGPORT ?? 5432),
    user: "postgres",
    password: process.env.POSTGRES_PASSWORD,
    database: "postgres",
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return 0;
  } catch {
    return 1;
  } finally {
    await client.end().catch(() => {});
  }
}

process.chdir(APP);
loadSecretFiles();
switch (command) {
  case "web":
    await web();
    break;
  case "worker":
    await worker();
    break;
  case "migrate":
    await migrate();
    break;
  case "database":
    await database();
    break;
  case "alive":
    process.exit(alive());
    break;
  case "database-ready":
    process.exit(await databaseReady());
    break;
  case "bulwark":
    // The CLI scans paths relative to where it was started, not /app.
    process.chdir(startDir);
    process.argv = [process.argv[0]!, "bulwark", ...args];
    await import("../../bin/cli");
    break;
  default:
    console.error(`unknown command: ${command} (web, worker, bulwark, migrate, database, alive, database-ready)`);
    process.exit(2);
}
