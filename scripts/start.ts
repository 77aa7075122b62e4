// npm start: build if needed, bring the database up (embedded unless DATABASE_URL), migrate,
// serve on PORT. `--dev` runs `next dev` instead of building. SIGINT/SIGTERM/SIGHUP stop the web
// server, the worker and the embedded database; the first two also stop if this process dies.
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
/** How long the web server and worker get to finish (the worker lets a scan's write end) before they are killed. */
const STOP_GRACE_MS = 25_000;
/** A child that dies this many times in a row, each within a minute of starting, is not started again. */
const GIVE_UP_AFTER = 3;

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

// A stop signal may come at any point, even while building or starting the database.
let stopping = false;
let db: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
const children: Supervised[] = [];
async function shutdown(code: number, why: string) {
  if (stopping) return;
  stopping = true;
  say(`Stopping (${why})…`);
  await Promise.all(children.map((c) => c.stop(STOP_GRACE_MS)));
  await db?.embedded
    ?.stop()
    .catch((error: unknown) => console.error(`[bulwark] stopping the database: ${String(error)}`));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0, "SIGINT"));
process.on("SIGTERM", () => void shutdown(0, "SIGTERM"));
process.on("SIGHUP", () => void shutdown(0, "SIGHUP"));

try {
  db = await prepareDatabase(say);
} catch (error) {
  console.error(
    `[bulwark] ${error instanceof DataDirLockedError ? error.message : `Database start failed: ${error instanceof Error ? error.message : String(error)}`}`,
  );
  process.exit(1);
}
const url = db.url;

// No users yet (first start): create the first admin or print a setup link before serving.
const users = new pg.Client({ connectionString: url });
users.on("error", () => {});
await users.connect();
const { rows } = await users.query<{ n: number }>('SELECT count(*)::int AS n FROM "user"');
await users.end();
if (rows[0]?.n === 0) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/first-admin.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (r.status !== 0) {
    await db.embedded?.stop();
    process.exit(1);
  }
}

if (!stopping) {
  children.push(
    supervise({
      name: "web server",
      args: ["scripts/web-server.mjs", ...(isDev ? ["--dev"] : [])],
      env: { DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
      onStdout: (text) => {
        process.stdout.write(text);
        if (/Ready in|✓ Ready/.test(text)) say(`Bulwark is running at http://${env.HOST}:${env.PORT}`);
      },
    }),
    // The scan worker runs beside the web server, in its own process.
    supervise({ name: "scan worker", args: ["--import", "tsx", "scripts/worker.ts"], env: { DATABASE_URL: url } }),
  );
}

type Supervised = { stop: (graceMs: number) => Promise<void> };

/**
 * Runs a child process of Node and keeps it running: when it dies unexpectedly the reason is
 * logged and it starts again after a pause that doubles up to 30 s (back to 1 s once it has
 * run for a minute); one that cannot start at all ends `npm start` after GIVE_UP_AFTER tries. The child holds an IPC channel to this process and stops when it closes,
 * so it never outlives `npm start`, however that ends. It is recorded in the data directory's
 * lock, so a later start can stop it if it was left running anyway.
 */
function supervise(spec: {
  name: string;
  args: string[];
  env: Record<string, string>;
  onStdout?: (text: string) => void;
}): Supervised {
  let child: ChildProcess | undefined;
  let pause = 1_000;
  let quickDeaths = 0;
  let timer: NodeJS.Timeout | undefined;
  const launch = () => {
    const startedAt = Date.now();
    const proc = spawn(process.execPath, spec.args, {
      stdio: ["ignore", spec.onStdout ? "pipe" : "inherit", "inherit", "ipc"],
      env: { ...process.env, ...spec.env },
    });
    child = proc;
    if (proc.pid) db?.embedded?.guard(spec.name, proc.pid, spec.args.at(spec.args[0] === "--import" ? 2 : 0)!);
    proc.stdout?.on("data", (chunk: Buffer) => spec.onStdout?.(chunk.toString()));
    proc.on("exit", (code, signal) => {
      if (stopping) return;
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      if (Date.now() - startedAt > 60_000) {
        pause = 1_000;
        quickDeaths = 0;
      } else if (++quickDeaths >= GIVE_UP_AFTER) {
        // It cannot start at all (a port in use, a broken build): say so instead of looping.
        console.error(
          `[bulwark] the ${spec.name} stopped ${quickDeaths} times in a row within a minute of starting (last: ${why}); giving up.`,
        );
        void shutdown(1, `the ${spec.name} cannot run`);
        return;
      }
      console.error(
        `[bulwark] the ${spec.name} stopped unexpectedly (${why}); starting it again in ${pause / 1000} s.`,
      );
      timer = setTimeout(launch, pause);
      pause = Math.min(pause * 2, 30_000);
    });
  };
  launch();
  return {
    stop: async (graceMs) => {
      clearTimeout(timer);
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      proc.kill("SIGTERM");
      const killer = setTimeout(() => {
        console.error(`[bulwark] the ${spec.name} did not stop within ${graceMs / 1000} s; killing it.`);
        proc.kill("SIGKILL");
      }, graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
