import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";

import { useExternalDatabase, type startExternalPostgres } from "../helpers/external-postgres";

// An operator's PostgreSQL (its own process, DATABASE_URL) restarted while a scan worker — a
// real `scripts/worker.ts` process — streams a large scan's findings with COPY. The worker must
// survive, write the scan once the database is back, and go on scanning.
let external: Awaited<ReturnType<typeof startExternalPostgres>>;
let worker: ChildProcess | undefined;
let fake: RunningFakeCluster | undefined;
let db: pg.Pool;
let workerLog = "";
let m: {
  requestScan: typeof import("@/lib/scans/request-scan").requestScan;
  stopBoss: typeof import("@/lib/jobs/boss").stopBoss;
  closePool: typeof import("@/lib/db/pool").closePool;
};

beforeAll(async () => {
  ({ external, db } = await useExternalDatabase());
  m = {
    requestScan: (await import("@/lib/scans/request-scan")).requestScan,
    stopBoss: (await import("@/lib/jobs/boss")).stopBoss,
    closePool: (await import("@/lib/db/pool")).closePool,
  };
}, 120_000);

afterAll(async () => {
  worker?.kill("SIGKILL");
  await m?.stopBoss().catch(() => {});
  await m?.closePool().catch(() => {});
  await fake?.close();
  await db?.end().catch(() => {});
  await external?.stop();
}, 60_000);

let exited: string | undefined;
async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the worker died (${exited}) while waiting for ${what}:\n${workerLog.slice(-3000)}`);
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}; worker log:\n${workerLog.slice(-3000)}`);
}

const statusOf = (id: string) =>
  db.query<{ status: string }>(`SELECT status FROM snapshot WHERE id = $1`, [id]).then((r) => r.rows[0]?.status);
const finished = (id: string) => statusOf(id).then((s) => (s && s !== "running" ? s : undefined));

describe("a database restart during a scan's write", () => {
  it("leaves the worker running; it writes the scan when the database is back (27 s later), then completes the next one", async () => {
    const { startFakeCluster } = await import("@/lib/fake-api-server/start-fake-cluster");
    const { syntheticCluster } = await import("@/lib/fake-api-server/clusters/synthetic");
    const { registerCluster } = await import("@/lib/clusters/register-cluster");
    fake = await startFakeCluster(syntheticCluster({ nodes: 20, pods: 6_000, misconfigured: 0.5 }));
    const { id: clusterId } = await registerCluster({
      source: "kubeconfig_upload",
      name: "big",
      kubeconfig: fake.kubeconfig,
      scheduleMinutes: 360,
    });

    worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: external.url, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout!.on("data", (c: Buffer) => (workerLog += c.toString()));
    worker.stderr!.on("data", (c: Buffer) => (workerLog += c.toString()));
    worker.on("exit", (code, signal) => (exited = `exit ${code} ${signal}`));
    await until(
      "the worker to start",
      async () => (/scan worker started/.test(workerLog) ? true : undefined),
      60_000,
      100,
    );

    // Hold the finding table so the scan's COPY is caught streaming, then restart the server under it.
    const blocker = new pg.Client({ connectionString: external.url });
    blocker.on("error", () => {});
    await blocker.connect();
    await blocker.query("BEGIN; LOCK TABLE finding IN SHARE MODE");
    const first = await m.requestScan(clusterId, "manual");
    await until(
      "the scan's COPY",
      async () =>
        (await db.query(`SELECT 1 FROM pg_stat_activity WHERE query LIKE 'COPY finding%' AND state = 'active'`))
          .rowCount
          ? true
          : undefined,
      120_000,
    );
    // Down for longer than a heartbeat may be stale (25 s): the scan is still this worker's own.
    await external.pause();
    await blocker.end().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 27_000));
    await external.resume();

    expect(await until("the first scan to finish", () => finished(first.id), 90_000, 250)).toBe("succeeded");
    expect(exited).toBeUndefined();
    expect(workerLog).toMatch(/database connection lost|retrying/);
    const written = await db.query<{ n: number; findingCount: number }>(
      `SELECT count(f.id)::int AS n, s."findingCount" FROM snapshot s LEFT JOIN finding f ON f."clusterId" = s."clusterId" WHERE s.id = $1 GROUP BY s."findingCount"`,
      [first.id],
    );
    expect(written.rows[0]!.n).toBe(written.rows[0]!.findingCount);
    expect(written.rows[0]!.n).toBeGreaterThan(10_000);

    const second = await m.requestScan(clusterId, "manual");
    expect(second.isNew).toBe(true);
    expect(await until("the second scan to finish", () => finished(second.id), 90_000, 250)).toBe("succeeded");
    expect(exited).toBeUndefined();
  }, 300_000);
});
