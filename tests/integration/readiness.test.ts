import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZScanRequested } from "@/lib/contracts/clusters";
import { ZHealth } from "@/lib/contracts/health";

import { useExternalDatabase, type startExternalPostgres } from "../helpers/external-postgres";
import { expectJson, expectProblem } from "../helpers/parse-response";

// Readiness against a database of this file's own (its own server process, so it can be
// stopped): right after a start the scan queue is not installed yet; later the database goes away.
let external: Awaited<ReturnType<typeof startExternalPostgres>>;
let db: pg.Pool;
let m: {
  auth: typeof import("../helpers/auth");
  health: typeof import("@/app/api/health/route");
  scans: typeof import("@/app/api/clusters/[id]/scans/route");
  clusters: typeof import("@/app/api/clusters/route");
  createCluster: typeof import("@/lib/db/clusters/create-cluster").createCluster;
  startWorker: typeof import("@/lib/scans/start-worker").startWorker;
  stopBoss: typeof import("@/lib/jobs/boss").stopBoss;
};

beforeAll(async () => {
  ({ external, db } = await useExternalDatabase());
  await import("@/lib/demo/demo-cluster-server"); // the worker script loads the demo edge; so does this test's worker
  m = {
    auth: await import("../helpers/auth"),
    health: await import("@/app/api/health/route"),
    scans: await import("@/app/api/clusters/[id]/scans/route"),
    clusters: await import("@/app/api/clusters/route"),
    createCluster: (await import("@/lib/db/clusters/create-cluster")).createCluster,
    startWorker: (await import("@/lib/scans/start-worker")).startWorker,
    stopBoss: (await import("@/lib/jobs/boss")).stopBoss,
  };
}, 120_000);

afterAll(async () => {
  await m?.stopBoss().catch(() => {});
  await (await import("@/lib/demo/demo-cluster-server")).stopDemoServers();
  await db?.end().catch(() => {});
  await external?.stop();
}, 60_000);

const snapshotsOf = async (clusterId: string) =>
  (
    await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM snapshot WHERE "clusterId" = $1 ORDER BY seq`,
      [clusterId],
    )
  ).rows;

describe("readiness", () => {
  it("health is ok only once scans can be queued; a scan asked for before answers 503 with Retry-After and leaves nothing behind", async () => {
    const { call, makeUser, signIn, APP } = m.auth;
    const analyst = (await signIn((await makeUser("analyst")).email)).cookie;
    const { id } = await m.createCluster({ name: "early", source: "demo", isDemo: true });
    const scanNow = () =>
      call(m.scans.POST, { method: "POST", headers: { cookie: analyst, origin: APP }, params: { id } });

    // The worker has not installed the job queue yet.
    const starting = await call(m.health.GET);
    expect(starting.status).toBe(503);
    expect(starting.headers.get("retry-after")).toBe("5");
    expect(await expectJson(starting, ZHealth)).toStrictEqual({ status: "starting", db: "ok", queue: "starting" });
    const early = await scanNow();
    expect(early.status).toBe(503);
    expect(early.headers.get("retry-after")).toBe("5");
    expect((await expectProblem(early)).detail).toMatch(/still starting/);
    expect(await snapshotsOf(id)).toStrictEqual([]);

    await m.startWorker();
    const ready = await call(m.health.GET);
    expect(ready.status).toBe(200);
    expect(await expectJson(ready, ZHealth)).toStrictEqual({ status: "ok", db: "ok", queue: "ok" });
  });

  it("records a scan and queues its job in one transaction: when queueing fails, no snapshot is left running", async () => {
    const { call, makeUser, signIn, APP } = m.auth;
    const analyst = (await signIn((await makeUser("analyst")).email)).cookie;
    const { id } = await m.createCluster({ name: "atomic", source: "demo", isDemo: true });
    await m.startWorker();
    // The job insert fails, as a full disk or a lost connection would make it.
    await db.query(
      `CREATE FUNCTION refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no room for jobs'; END $$`,
    );
    await db.query(
      `CREATE TRIGGER refuse_jobs BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION refuse_jobs()`,
    );
    try {
      const refused = await call(m.scans.POST, {
        method: "POST",
        headers: { cookie: analyst, origin: APP },
        params: { id },
      });
      expect(refused.status).toBe(500);
      expect(await snapshotsOf(id)).toStrictEqual([]);
    } finally {
      await db.query(`DROP TRIGGER refuse_jobs ON pgboss.job; DROP FUNCTION refuse_jobs()`);
    }
    const accepted = await call(m.scans.POST, {
      method: "POST",
      headers: { cookie: analyst, origin: APP },
      params: { id },
    });
    expect(accepted.status).toBe(202);
    const { snapshotId } = await expectJson(accepted, ZScanRequested);
    const jobs = await db.query(`SELECT 1 FROM pgboss.job WHERE name = 'snapshot-scan' AND data->>'snapshotId' = $1`, [
      snapshotId,
    ]);
    expect(jobs.rowCount).toBe(1);
  });

  it("while the database is down, health and signed-in requests answer 503 with Retry-After, not 500", async () => {
    const { call, makeUser, signIn } = m.auth;
    const viewer = (await signIn((await makeUser("viewer")).email)).cookie;
    await m.stopBoss();
    await external.pause();
    try {
      const health = await call(m.health.GET, { headers: { cookie: viewer } });
      expect(health.status).toBe(503);
      expect(await expectJson(health, ZHealth)).toMatchObject({ status: "degraded", db: "down" });
      const list = await call(m.clusters.GET, { headers: { cookie: viewer } });
      expect(list.status).toBe(503);
      expect(list.headers.get("retry-after")).toBe("5");
    } finally {
      await external.resume();
    }
    const back = await call(m.health.GET, { headers: { cookie: viewer } });
    expect(await expectJson(back, ZHealth)).toStrictEqual({ status: "ok", db: "ok", queue: "ok" });
    expect(back.status).toBe(200);
  }, 60_000);
});
