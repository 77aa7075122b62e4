import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { findFreePort } from "@/lib/db/free-port";

// `npm start`'s process tree as a supervisor sees it: a stop signal to the one process it knows
// (npm) must end the web server, the worker and the embedded database; a crash of the main
// process must not leave them running on the data directory. `npm run dev` runs the same
// supervisor without a production build, so the test needs no `next build`.
const dirs: string[] = [];
const started: ChildProcess[] = [];
const seen = new Set<number>();
/** Processes started on one of this file's data directories (their environment says so). */
function runningOn(dataDirs: string[]): number[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const vars = readFileSync(`/proc/${e}/environ`, "utf8").split("\0");
        return (
          dataDirs.some((d) => vars.includes(`BULWARK_DATA_DIR=${d}`)) ||
          dataDirs.some((d) => commandLine(Number(e)).includes(d))
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  // Whatever a failed test left behind.
  for (const pid of [...started.map((c) => c.pid!), ...seen, ...runningOn(dirs)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every process below `root`, read from /proc. */
function descendants(root: number): { pid: number; cmd: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push({ pid: child, cmd: commandLine(child) });
      walk(child);
    }
  };
  walk(root);
  return out;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie has exited; only its parent has not read its status yet.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function until(what: string, fn: () => boolean | Promise<boolean>, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; output:\n${log().slice(-3000)}`);
}

/** `npm run dev` on a data directory and port of its own, up to "running" with its worker started. */
async function startApp(dataDir: string, port: number) {
  let output = "";
  const npm = spawn("npm", ["run", "dev"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      BULWARK_DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      BULWARK_ADMIN_EMAIL: "admin@example.com",
      BULWARK_ADMIN_PASSWORD: "correct-horse-battery-staple",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(npm);
  npm.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  npm.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const log = () => output;
  await until(
    "the app to run",
    () => /Bulwark is running/.test(output) && /scan worker started/.test(output),
    150_000,
    log,
  );
  await until("the web port", () => listening(port), 10_000, log);
  const tree = descendants(npm.pid!);
  for (const p of tree) seen.add(p.pid);
  const postgres = tree.find((p) => p.cmd.includes(path.join(dataDir, "pg")))!;
  const dbPort = Number(/ -p (\d+)/.exec(postgres.cmd)![1]);
  return { npm, tree, log, dbPort, main: tree.find((p) => p.cmd.includes("scripts/start.ts"))! };
}

describe("stopping npm start", () => {
  it("restarts a child that dies; SIGTERM to the npm process stops the web server, the worker and the database: no process, no port left", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "bulwark-stop-"));
    dirs.push(dataDir);
    const port = await findFreePort();
    const app = await startApp(dataDir, port);
    expect(app.tree.map((p) => p.cmd)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("scripts/web-server.mjs"),
        expect.stringContaining("scripts/worker.ts"),
        expect.stringContaining("bin/postgres"),
      ]),
    );
    expect(await listening(app.dbPort)).toBe(true);

    // A child that dies is started again, and the log says why.
    const worker = app.tree.find((p) => p.cmd.includes("scripts/worker.ts"))!;
    process.kill(worker.pid, "SIGKILL");
    await until(
      "the worker to be restarted",
      () => /the scan worker stopped unexpectedly \(signal SIGKILL\); starting it again in 1 s/.test(app.log()),
      15_000,
      app.log,
    );
    const restarted = await (async () => {
      await until(
        "a new worker",
        () => descendants(app.main.pid).some((p) => p.cmd.includes("scripts/worker.ts") && p.pid !== worker.pid),
        15_000,
        app.log,
      );
      return descendants(app.main.pid).find((p) => p.cmd.includes("scripts/worker.ts") && p.pid !== worker.pid)!;
    })();
    seen.add(restarted.pid);

    const stoppedAt = Date.now();
    app.npm.kill("SIGTERM");
    await until(
      "every process to end",
      () => [app.npm.pid!, restarted.pid, ...app.tree.map((p) => p.pid)].every((pid) => !alive(pid)),
      60_000,
      app.log,
    );
    // Well within the scan timeout (15 minutes): the worker's grace is 25 s at most.
    expect(Date.now() - stoppedAt).toBeLessThan(40_000);
    expect(await listening(port)).toBe(false);
    expect(await listening(app.dbPort)).toBe(false);
    expect(existsSync(path.join(dataDir, "bulwark.lock"))).toBe(false);
  }, 240_000);

  it("a crash of the main process takes the web server and worker with it; the next start stops the database it left and runs", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "bulwark-crash-"));
    dirs.push(dataDir);
    const port = await findFreePort();
    const first = await startApp(dataDir, port);
    const web = first.tree.find((p) => p.cmd.includes("scripts/web-server.mjs"))!;
    const worker = first.tree.find((p) => p.cmd.includes("scripts/worker.ts"))!;
    const postgres = first.tree.find((p) => p.cmd.includes("bin/postgres"))!;
    const lock = JSON.parse(readFileSync(path.join(dataDir, "bulwark.lock"), "utf8")) as {
      pid: number;
      guards: { name: string; pid: number }[];
    };
    expect(lock.pid).toBe(first.main.pid);
    expect(lock.guards.map((g) => [g.name, g.pid])).toEqual(
      expect.arrayContaining([
        ["postgres", postgres.pid],
        ["web server", web.pid],
        ["scan worker", worker.pid],
      ]),
    );

    process.kill(first.main.pid, "SIGKILL");
    await until("the web server and worker to end", () => !alive(web.pid) && !alive(worker.pid), 30_000, first.log);
    expect(await listening(port)).toBe(false);

    const second = await startApp(dataDir, port);
    expect(second.log()).toMatch(
      new RegExp(
        `Stopped what a previous start left running on this data directory: postgres \\(pid ${postgres.pid}\\)`,
      ),
    );
    expect(second.log()).not.toMatch(/Database start failed/);
    expect(alive(postgres.pid)).toBe(false);
    second.npm.kill("SIGINT");
    await until(
      "every process to end",
      () => [second.npm.pid!, ...second.tree.map((p) => p.pid)].every((pid) => !alive(pid)),
      60_000,
      second.log,
    );
    expect(await listening(second.dbPort)).toBe(false);
  }, 360_000);

  it("a web server that cannot start at all (its port taken) ends npm start with the reason, leaving nothing running", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "bulwark-port-"));
    dirs.push(dataDir);
    const port = await findFreePort();
    const squatter = createServer().listen(port, "127.0.0.1");
    try {
      let output = "";
      const npm = spawn("npm", ["run", "dev"], {
        env: { ...process.env, DATABASE_URL: "", PORT: String(port), BULWARK_DATA_DIR: dataDir, LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      started.push(npm);
      npm.stdout!.on("data", (c: Buffer) => (output += c.toString()));
      npm.stderr!.on("data", (c: Buffer) => (output += c.toString()));
      const code = await new Promise<number | null>((resolve) => npm.once("exit", (exitCode) => resolve(exitCode)));
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`the web server cannot listen on 127\\.0\\.0\\.1:${port}: listen EADDRINUSE`));
      expect(output).toMatch(
        /the web server stopped 3 times in a row within a minute of starting \(last: exit code 1\); giving up/,
      );
      expect(existsSync(path.join(dataDir, "bulwark.lock"))).toBe(false);
      expect(runningOn([dataDir])).toStrictEqual([]);
    } finally {
      squatter.close();
    }
  }, 120_000);
});
