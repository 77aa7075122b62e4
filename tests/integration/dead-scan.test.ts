import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";

import { useOwnDatabase } from "../helpers/own-database";

// A scan worker killed mid-scan (SIGKILL: no chance to say anything). Own database, so no other
// file's worker takes these jobs.
let url: string;
let db: pg.Pool;
let worker: ChildProcess | undefined;
let fake: RunningFakeCluster | undefined;
let m: {
  requestScan: typeof import("@/lib/scans/request-scan").requestScan;
  stopBoss: typeof import("@/lib/jobs/boss").stopBoss;
  listDueClusters: typeof import("@/lib/db/clusters/list-due-clusters").listDueClusters;
  registerCluster: typeof import("@/lib/clusters/register-cluster").registerCluster;
  createCluster: typeof import("@/lib/db/clusters/create-cluster").createCluster;
};

beforeAll(async () => {
  url = await useOwnDatabase("bulwark_dead_scan");
  db = new pg.Pool({ connectionString: url, max: 2 });
  m = {
    requestScan: (await import("@/lib/scans/request-scan")).requestScan,
    stopBoss: (await import("@/lib/jobs/boss")).stopBoss,
    listDueClusters: (await import("@/lib/db/clusters/list-due-clusters")).listDueClusters,
    registerCluster: (await import("@/lib/clusters/register-cluster")).registerCluster,
    createCluster: (await import("@/lib/db/clusters/create-cluster")).createCluster,
  };
});

afterAll(async () => {
  worker?.kill("SIGKILL");
  await m?.stopBoss();
  await fake?.close();
  await db?.end();
});

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A real `scripts/worker.ts` process on this file's database, once it has started. */
async function startWorkerProcess(): Promise<ChildProcess> {
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  await until("the worker", async () => (/scan worker started/.test(log) ? true : undefined), 60_000);
  return child;
}

const taken = (snapshotId: string) =>
  until(
    "the worker to take the scan",
    async () =>
      (await db.query(`SELECT 1 FROM snapshot WHERE id = $1 AND "heartbeatAt" IS NOT NULL`, [snapshotId])).rowCount
        ? true
        : undefined,
    30_000,
  );

describe("a scan whose worker died", () => {
  it("is found dead within 30 s, and Scan now then starts a new scan instead of returning the dead one", async () => {
    const { startFakeCluster } = await import("@/lib/fake-api-server/start-fake-cluster");
    const { demoCluster } = await import("@/lib/fake-api-server/clusters/demo");
    // A slow API server: the scan is still collecting when the worker is killed.
    fake = await startFakeCluster(demoCluster(3), { faults: { delayMs: 2_000 } });
    const { id: clusterId } = await m.registerCluster({
      source: "kubeconfig_upload",
      name: "slow",
      kubeconfig: fake.kubeconfig,
      scheduleMinutes: 360,
    });
    worker = await startWorkerProcess();
    const dead = await m.requestScan(clusterId, "manual");
    await taken(dead.id);
    worker.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((resolve) => worker!.once("exit", resolve));

    const replacement = await until(
      "Scan now to start a new scan",
      async () => {
        const s = await m.requestScan(clusterId, "manual");
        return s.isNew ? s : (expect(s.id).toBe(dead.id), undefined);
      },
      35_000,
      1_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(31_000);
    expect(replacement.id).not.toBe(dead.id);
    const rows = await db.query(`SELECT id, status, error FROM snapshot WHERE "clusterId" = $1 ORDER BY seq`, [
      clusterId,
    ]);
    expect(rows.rows).toStrictEqual([
      { id: dead.id, status: "failed", error: expect.stringMatching(/^orphaned: /) },
      { id: replacement.id, status: "running", error: null },
    ]);
  }, 120_000);

  it("a worker told to stop marks the scan it cut short interrupted, so the cluster can be scanned again at once", async () => {
    const { startFakeCluster } = await import("@/lib/fake-api-server/start-fake-cluster");
    const { demoCluster } = await import("@/lib/fake-api-server/clusters/demo");
    const slow = await startFakeCluster(demoCluster(3), { faults: { delayMs: 3_000 } });
    try {
      const { id: clusterId } = await m.registerCluster({
        source: "kubeconfig_upload",
        name: "stopped",
        kubeconfig: slow.kubeconfig,
        scheduleMinutes: 360,
      });
      worker = await startWorkerProcess();
      const cut = await m.requestScan(clusterId, "manual");
      await taken(cut.id);
      worker.kill("SIGTERM");
      const code = await new Promise<number | null>((resolve) => worker!.once("exit", (exitCode) => resolve(exitCode)));
      expect(code).toBe(0);
      const row = (await db.query(`SELECT status, error FROM snapshot WHERE id = $1`, [cut.id])).rows[0];
      expect(row).toStrictEqual({
        status: "failed",
        error: "interrupted: the scan worker was stopped before the scan finished",
      });
      expect((await m.requestScan(clusterId, "manual")).isNew).toBe(true);
    } finally {
      await slow.close();
    }
  }, 60_000);

  it("schedules the next scan from the last completed one: a dead scan costs no interval, a failing cluster is retried after 10 minutes", async () => {
    const { id } = await m.createCluster({ name: "schedule", source: "demo", isDemo: true, scheduleMinutes: 360 });
    const now = new Date("2026-12-01T12:00:00Z");
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const snapshot = (seq: number, status: string, startedAt: Date, error: string | null = null) =>
      db.query(
        `INSERT INTO snapshot (id, "clusterId", seq, status, "startedAt", error) VALUES ($1, $2, $3, $4, $5, $6)`,
        [`snp_sched_${seq}`, id, seq, status, startedAt, error],
      );
    const due = async () => (await m.listDueClusters(now)).includes(id);

    await snapshot(1, "succeeded", ago(7 * 60));
    expect(await due()).toBe(true);
    await snapshot(2, "failed", ago(1), "orphaned: the process running this scan stopped before it finished");
    expect(await due()).toBe(true);
    await snapshot(3, "failed", ago(1), "cannot scan 10.0.0.1: connect ECONNREFUSED");
    expect(await due()).toBe(false);
    await db.query(`UPDATE snapshot SET "startedAt" = $2 WHERE id = $1`, ["snp_sched_3", ago(11)]);
    expect(await due()).toBe(true);
    await snapshot(4, "partial", ago(60));
    expect(await due()).toBe(false);
  });
});
