import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is in use by another Bulwark process (pid ${pid}). ` +
        `Stop that process first, or point BULWARK_DATA_DIR at another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * The lock file: the process holding the directory and every process it started on it (the
 * database server, web server, worker), each with a piece of its command line that identifies
 * it, so a later start can stop what a crashed one left behind without touching a process that
 * merely reused the number.
 */
export type LockRecord = { pid: number; guards: { name: string; pid: number; marker: string }[] };

export type DataDirLock = {
  /** Adds a process the lock guards: stopped by a later start if this one dies without stopping it. */
  guard: (name: string, pid: number, marker: string) => void;
  release: () => void;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function readLock(file: string): LockRecord {
  const text = readFileSync(file, "utf8").trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), guards: [] };
  try {
    const parsed = JSON.parse(text) as LockRecord;
    return { pid: Number(parsed.pid), guards: Array.isArray(parsed.guards) ? parsed.guards : [] };
  } catch {
    return { pid: NaN, guards: [] };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops the processes a dead holder left running (still ours: same pid and command line),
 * with SIGTERM (SIGINT for PostgreSQL: its fast shutdown), then SIGKILL after `graceMs`.
 * Returns what it stopped, for the log.
 */
export async function stopLeftovers(record: LockRecord, graceMs = 15_000): Promise<string[]> {
  const leftovers = record.guards.filter((g) => isAlive(g.pid) && commandLine(g.pid).includes(g.marker));
  for (const g of leftovers) process.kill(g.pid, g.name === "postgres" ? "SIGINT" : "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (leftovers.some((g) => isAlive(g.pid)) && Date.now() < deadline) await sleep(100);
  for (const g of leftovers) if (isAlive(g.pid)) process.kill(g.pid, "SIGKILL");
  return leftovers.map((g) => `${g.name} (pid ${g.pid})`);
}

/**
 * Takes an exclusive lock on a data directory: a lock file created with O_EXCL naming our pid
 * and, as they start, the processes we run on the directory. A lock left by a process that no
 * longer runs is taken over, after stopping whatever it guarded that still runs.
 */
export async function lockDataDir(
  dir: string,
  onLeftovers: (stopped: string[]) => void = () => {},
): Promise<DataDirLock> {
  const file = path.join(dir, "bulwark.lock");
  const record: LockRecord = { pid: process.pid, guards: [] };
  const write = () => {
    // Written aside and renamed, so a reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(record), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(record));
      closeSync(fd);
      return {
        guard: (name, pid, marker) => {
          record.guards = [...record.guards.filter((g) => g.name !== name), { name, pid, marker }];
          write();
        },
        release: () => {
          try {
            if (readLock(file).pid === process.pid) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = readLock(file);
      if (Number.isInteger(held.pid) && isAlive(held.pid)) throw new DataDirLockedError(dir, held.pid);
      const stopped = await stopLeftovers(held);
      if (stopped.length) onLeftovers(stopped);
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dir}: the lock file keeps reappearing.`);
}
