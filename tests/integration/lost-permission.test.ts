import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import type { Faults } from "@/lib/fake-api-server/types";

import { loadScanModules, useOwnDatabase } from "../helpers/own-database";

// A permission taken away between two scans of one cluster, and given back, against real fake
// API servers over HTTPS: no finding's lifetime may change. Own database: the webhook is
// install-wide and must see only these scans.
let m: Awaited<ReturnType<typeof loadScanModules>> & {
  registerCluster: typeof import("@/lib/clusters/register-cluster").registerCluster;
  startFakeCluster: typeof import("@/lib/fake-api-server/start-fake-cluster").startFakeCluster;
  demoCluster: typeof import("@/lib/fake-api-server/clusters/demo").demoCluster;
  syntheticCluster: typeof import("@/lib/fake-api-server/clusters/synthetic").syntheticCluster;
  compareSnapshots: typeof import("@/lib/db/compare/compare-snapshots").compareSnapshots;
};
let db: pg.Pool;
let receiver: Server;
const received: string[] = [];
const fakes: RunningFakeCluster[] = [];

beforeAll(async () => {
  const url = await useOwnDatabase("bulwark_lost_permission");
  db = new pg.Pool({ connectionString: url, max: 2 });
  m = {
    ...(await loadScanModules()),
    registerCluster: (await import("@/lib/clusters/register-cluster")).registerCluster,
    startFakeCluster: (await import("@/lib/fake-api-server/start-fake-cluster")).startFakeCluster,
    demoCluster: (await import("@/lib/fake-api-server/clusters/demo")).demoCluster,
    syntheticCluster: (await import("@/lib/fake-api-server/clusters/synthetic")).syntheticCluster,
    compareSnapshots: (await import("@/lib/db/compare/compare-snapshots")).compareSnapshots,
  };
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const admin = await m.auth.makeUser("admin");
  const { saveWebhook } = await import("@/lib/notify/webhook-settings");
  await saveWebhook(
    {
      webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      minSeverity: "low",
      rotateSecret: false,
    },
    admin.id,
  );
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  receiver?.close();
  await db?.end();
});

let counter = 0;
type Fixture = "demo" | "synthetic";
/** Registers a cluster behind a fake API server with these faults; returns its id. */
async function served(fixture: Fixture, faults: Faults): Promise<string> {
  // Synthetic: Deployments own ReplicaSets own Pods, as a controller manager makes them.
  const cluster =
    fixture === "demo" ? m.demoCluster(3) : m.syntheticCluster({ nodes: 3, pods: 200, misconfigured: 0.5 });
  const fake = await m.startFakeCluster(cluster, { faults });
  fakes.push(fake);
  return (
    await m.registerCluster({
      source: "kubeconfig_upload",
      name: `perm-${++counter}`,
      kubeconfig: fake.kubeconfig,
      scheduleMinutes: 360,
    })
  ).id;
}

/** Points a cluster at another server's credentials, as an operator editing the scanner's role would. */
const reconnect = (id: string, to: string) =>
  db.query(
    `UPDATE cluster SET "kubeconfigSealed" = (SELECT "kubeconfigSealed" FROM cluster WHERE id = $2) WHERE id = $1`,
    [id, to],
  );

async function scan(clusterId: string, minute: number) {
  const takenAt = new Date(Date.UTC(2026, 10, 2, counter, minute));
  const s = await m.startSnapshot(clusterId, "schedule", takenAt);
  // Retries in a few milliseconds, so exhausting them does not slow the test.
  const result = await m.runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, collect: { maxRetries: 2 } });
  return { id: s.id, result };
}

const lifetimes = async (clusterId: string) =>
  (
    await db.query<{ fingerprint: string; firstSeq: number; lastSeq: number | null; firstSeenAt: Date }>(
      `SELECT fingerprint, "firstSeq", "lastSeq", "firstSeenAt" FROM finding WHERE "clusterId" = $1 ORDER BY fingerprint, "firstSeq"`,
      [clusterId],
    )
  ).rows;

describe("a kind that could not be read changes no finding", () => {
  const forbidden: Faults = { forbidden: ["deployments.apps"] };
  const failing: Faults = { serverErrors: { times: 1_000, resources: ["deployments.apps"] } };
  it.each([
    ["a 403 on Deployments", "synthetic", forbidden, 403, ["Deployment", "ReplicaSet"]],
    ["HTTP 500 on every try at Deployments", "synthetic", failing, 500, ["Deployment", "ReplicaSet"]],
    ["a 403 on Deployments of the demo cluster", "demo", forbidden, 403, ["Deployment"]],
  ] satisfies [string, Fixture, Faults, number, string[]][])(
    "%s (%s): neither opened nor closed, partial with the kind and why, nothing sent; back again, first-seen kept",
    async (_name, fixture, faults, status, heldKinds) => {
      const id = await served(fixture, {});
      const full = await served(fixture, {});
      const faulty = await served(fixture, faults);
      await scan(id, 0);
      const baseline = await scan(id, 1);
      expect(baseline.result).toMatchObject({ status: "succeeded", newCount: 0, resolvedCount: 0 });
      const before = await lifetimes(id);
      expect(before.filter((f) => f.lastSeq === null).length).toBeGreaterThan(20);
      const deploymentFindings = await db.query(
        `SELECT 1 FROM finding WHERE "clusterId" = $1 AND "resourceKind" = 'Deployment' AND "lastSeq" IS NULL`,
        [id],
      );
      expect(deploymentFindings.rowCount).toBeGreaterThan(5);
      received.length = 0;

      await reconnect(id, faulty);
      const lost = await scan(id, 2);
      expect(lost.result).toMatchObject({ status: "partial", newCount: 0, resolvedCount: 0 });
      const row = (
        await db.query(`SELECT status, warnings, "newCount", "resolvedCount" FROM snapshot WHERE id = $1`, [lost.id])
      ).rows[0];
      expect(row.status).toBe("partial");
      expect(row.warnings).toStrictEqual([
        expect.objectContaining({
          kind: "deployments.apps",
          status,
          heldKinds,
          reason: expect.stringMatching(
            status === 403 ? /forbidden: grant "list" on deployments\.apps/ : /list deployments\.apps failed/,
          ),
        }),
      ]);
      expect(await lifetimes(id)).toStrictEqual(before);
      // What each scan saw, as stored: the partial one saw the Deployment findings it kept open too
      // (it did not list them), so comparing it with the scan before finds nothing gone, all in both.
      const seen = async (snapshotId: string) =>
        (await db.query(`SELECT "seenCount", "findingCount" FROM snapshot WHERE id = $1`, [snapshotId])).rows[0];
      const open = before.filter((f) => f.lastSeq === null).length;
      expect(await seen(baseline.id)).toMatchObject({ seenCount: open, findingCount: open });
      const partial = await seen(lost.id);
      expect(partial.seenCount).toBe(open);
      expect(partial.findingCount).toBeLessThan(open);
      const c = await m.compareSnapshots(baseline.id, lost.id);
      expect([c.onlyACount, c.onlyBCount, c.both]).toStrictEqual([0, 0, open]);

      await reconnect(id, full);
      const back = await scan(id, 3);
      expect(back.result).toMatchObject({ status: "succeeded", newCount: 0, resolvedCount: 0 });
      expect(await lifetimes(id)).toStrictEqual(before);
      // Nothing opened, so nothing to tell anyone.
      expect(received).toStrictEqual([]);
    },
  );
});
