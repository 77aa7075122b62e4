// npm start: build if needed, bring the database up (embedded unless DATABASE_URL), migrate,
// serve on PORT. `--dev` runs `next dev` instead of building. Stops everything on SIGINT/SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { env } from "@/lib/env.js";

const isDev = process.argv.includes("--dev");
const SOURCES = ["app", "components", "lib", "prisma", "public", "next.config.js", "package.json", "tsconfig.json"];
const say = (line: string) => console.log(`[bulwark] ${line}`);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, f) => Math.max(max, newestMtime(path.join(p, f))), st.mtimeMs);
}

function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) {
    console.error(`[bulwark] ${cmd} ${args.join(" ")} failed (exit ${r.status}).`);
    process.exit(1);
  }
}

if (!existsSync(path.join("generated", "prisma", "client.ts"))) run("npm", ["run", "--silent", "db:generate"]);
if (!isDev && needsBuild()) {
  say("Building (first start or sources changed)…");
  run("npm", ["run", "--silent", "build"]);
}

let db: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  db = await prepareDatabase(say);
} catch (error) {
  console.error(`[bulwark] ${error instanceof DataDirLockedError ? error.message : `Database start failed: ${String(error)}`}`);
  process.exit(1);
}

// No users yet (first start): create the first admin or print a setup link before serving.
const users = new pg.Client({ connectionString: db.url });
await users.connect();
const { rows } = await users.query<{ n: number }>('SELECT count(*)::int AS n FROM "user"');
await users.end();
if (rows[0]?.n === 0) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/first-admin.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url } });
  if (r.status !== 0) {
    await db.embedded?.stop();
    process.exit(1);
  }
}

const child: ChildProcess = spawn(
  process.execPath,
  ["scripts/web-server.mjs", ...(isDev ? ["--dev"] : [])],
  { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" } },
);
child.stdout?.on("data", (chunk: Buffer) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Ready in|✓ Ready/.test(text)) say(`Bulwark is running at http://${env.HOST}:${env.PORT}`);
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  worker.kill("SIGTERM");
  await new Promise((resolve) => (worker.exitCode === null ? worker.once("exit", resolve) : resolve(null)));
  await db.embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(stopping ? 0 : (code ?? 1)));

// The scan worker runs beside the web server, in its own process.
const worker: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, DATABASE_URL: db.url },
});
worker.on("exit", (code) => {
  if (!stopping) console.error(`[bulwark] the scan worker stopped (exit ${code}); scans will not run until restart.`);
});
