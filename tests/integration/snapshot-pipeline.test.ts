import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { registerCluster } from "@/lib/clusters/register-cluster";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { applyRetention } from "@/lib/db/snapshots/apply-retention";
import { failOrphanedSnapshots } from "@/lib/db/snapshots/fail-orphaned-snapshots";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import { demoCluster, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { startFakeCluster, type RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import type { Faults } from "@/lib/fake-api-server/types";
import { stopBoss } from "@/lib/jobs/boss";
import { requestScan } from "@/lib/scans/request-scan";
import { runSnapshot } from "@/lib/scans/run-snapshot";
import { startWorker } from "@/lib/scans/start-worker";

const db = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
const fakes: RunningFakeCluster[] = [];
afterAll(async () => {
  await stopBoss();
  await stopDemoServers();
  await Promise.all(fakes.map((f) => f.close()));
  await db.end();
});

let counter = 0;
async function demo(): Promise<string> {
  return (await createCluster({ name: `demo-${++counter}`, source: "demo", isDemo: true })).id;
}

async function scan(
  clusterId: string,
  state: DemoState,
  takenAt = new Date(Date.UTC(2026, 10, 1, counter, state)),
  collect = {},
) {
  const s = await startSnapshot(clusterId, "manual", takenAt);
  const result = await runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState: state, collect });
  return { ...s, result };
}

async function uploaded(faults: Faults, state: DemoState = 3): Promise<string> {
  const fake = await startFakeCluster(demoCluster(state), { faults });
  fakes.push(fake);
  return (
    await registerCluster({
      source: "kubeconfig_upload",
      name: `up-${++counter}`,
      kubeconfig: fake.kubeconfig,
      scheduleMinutes: 360,
    })
  ).id;
}

const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
  (await db.query<T>(sql, params)).rows[0]!;
const findingsAt = (clusterId: string, seq: number) =>
  one<{ n: number }>(
    `SELECT count(*)::int AS n FROM finding WHERE "clusterId" = $1 AND "firstSeq" <= $2 AND ("lastSeq" IS NULL OR "lastSeq" >= $2)`,
    [clusterId, seq],
  ).then((r) => r.n);

describe("snapshot pipeline", () => {
  it("stores findings as lifetimes: a snapshot's findings are the intervals that contain it", async () => {
    const id = await demo();
    const first = await scan(id, 0);
    const second = await scan(id, 2);
    expect(first.result).toMatchObject({ status: "succeeded" });
    expect(second.result).toMatchObject({ status: "succeeded" });
    const s1 = await one<{ findingCount: number; newCount: number }>(
      `SELECT "findingCount", "newCount" FROM snapshot WHERE id = $1`,
      [first.id],
    );
    const s2 = await one<{ findingCount: number; newCount: number; resolvedCount: number }>(
      `SELECT "findingCount", "newCount", "resolvedCount" FROM snapshot WHERE id = $1`,
      [second.id],
    );
    expect(s1.newCount).toBe(s1.findingCount);
    expect(await findingsAt(id, first.seq)).toBe(s1.findingCount);
    expect(await findingsAt(id, second.seq)).toBe(s2.findingCount);
    expect(s2.findingCount).toBe(s1.findingCount + s2.newCount - s2.resolvedCount);
    expect(s2.resolvedCount).toBeGreaterThan(10);
  });

  it("writes nothing for findings that did not change, and reopens a finding that comes back", async () => {
    const id = await demo();
    await scan(id, 0);
    const before = await one<{ n: number; max: string }>(
      `SELECT count(*)::int AS n, max(id)::text AS max FROM finding WHERE "clusterId" = $1`,
      [id],
    );
    const again = await scan(id, 0);
    expect(again.result).toMatchObject({ newCount: 0, resolvedCount: 0, changedCount: 0 });
    const after = await one<{ n: number; max: string }>(
      `SELECT count(*)::int AS n, max(id)::text AS max FROM finding WHERE "clusterId" = $1`,
      [id],
    );
    expect(after).toStrictEqual(before);
    await scan(id, 3); // the dashboard goes away…
    await scan(id, 0); // …and comes back: a new lifetime beside the closed one
    const lifetimes = await db.query(
      `SELECT "firstSeq", "lastSeq" FROM finding WHERE "clusterId" = $1 AND "checkId" = 'network.kubernetes-dashboard-installed' ORDER BY "firstSeq"`,
      [id],
    );
    expect(lifetimes.rows).toStrictEqual([
      { firstSeq: 1, lastSeq: 2 },
      { firstSeq: 4, lastSeq: null },
    ]);
    // Every lifetime a scan closed is in finding_closed as it closed (what compare reads), and no other.
    const closed = `SELECT id::text, "lastSeq", "firstSeq", fingerprint, severity::text, "checkId" FROM finding WHERE "clusterId" = $1 AND "lastSeq" IS NOT NULL ORDER BY id`;
    const written = `SELECT "findingId"::text AS id, "lastSeq", "firstSeq", fingerprint, severity::text, "checkId" FROM finding_closed WHERE "clusterId" = $1 ORDER BY "findingId"`;
    const [want, got] = await Promise.all([db.query(closed, [id]), db.query(written, [id])]);
    expect(want.rows.length).toBeGreaterThan(0);
    expect(got.rows).toStrictEqual(want.rows);
  });

  it("stores per-layer and per-namespace scores with the snapshot", async () => {
    const id = await demo();
    const s = await scan(id, 3);
    const layers = await db.query(
      `SELECT layer, score, grade FROM layer_score WHERE "snapshotId" = $1 ORDER BY layer NULLS FIRST`,
      [s.id],
    );
    expect(layers.rows.map((r) => r.layer)).toStrictEqual([null, "node", "network", "secrets", "pod", "container"]);
    expect(layers.rows.every((r) => r.score > 0 && /^[A-F]$/.test(r.grade))).toBe(true);
    const ns = await db.query(`SELECT namespace FROM namespace_score WHERE "snapshotId" = $1 ORDER BY namespace`, [
      s.id,
    ]);
    expect(ns.rows.map((r) => r.namespace)).toContain("shop");
  });

  it("is partial when some resources are forbidden, and does not take a 403 for a fix", async () => {
    const id = await uploaded({});
    const full = await scan(id, 3);
    const openNetwork = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM finding WHERE "clusterId" = $1 AND layer = 'network' AND "lastSeq" IS NULL`,
      [id],
    );
    expect(openNetwork.n).toBeGreaterThan(0);
    await db.query(`UPDATE cluster SET "kubeconfigSealed" = NULL WHERE id = $1`, [id]);
    const forbidden = await uploaded({ forbidden: ["networkpolicies.networking.k8s.io"] });
    await db.query(
      `UPDATE cluster SET "kubeconfigSealed" = (SELECT "kubeconfigSealed" FROM cluster WHERE id = $2) WHERE id = $1`,
      [id, forbidden],
    );
    const partial = await scan(id, 3);
    expect(partial.result).toMatchObject({ status: "partial" });
    const warnings = await one<{ warnings: { kind: string; status: number }[] }>(
      `SELECT warnings FROM snapshot WHERE id = $1`,
      [partial.id],
    );
    expect(warnings.warnings).toStrictEqual([
      expect.objectContaining({ kind: "networkpolicies.networking.k8s.io", status: 403 }),
    ]);
    // The checks that read network policies are left out of the scores, with the reason, and coverage says so.
    const { notEvaluated } = await one<{ notEvaluated: { checkId: string; reason: string }[] }>(
      `SELECT "notEvaluated" FROM snapshot WHERE id = $1`,
      [partial.id],
    );
    expect(notEvaluated.map((c) => c.checkId)).toEqual(
      expect.arrayContaining([
        "network.namespace-no-policy",
        "network.pod-ingress-unrestricted",
        "network.metadata-api-reachable",
      ]),
    );
    expect(notEvaluated.every((c) => c.checkId.startsWith("network.") && /networkpolicies/.test(c.reason))).toBe(true);
    const coverage = await db.query(
      `SELECT layer, coverage FROM layer_score WHERE "snapshotId" = $1 AND (layer IS NULL OR layer = 'network' OR layer = 'pod')`,
      [partial.id],
    );
    const byLayer = Object.fromEntries(coverage.rows.map((r) => [r.layer ?? "overall", r.coverage]));
    expect(byLayer.network).toBeLessThan(1);
    expect(byLayer.overall).toBeLessThan(1);
    expect(byLayer.pod).toBe(1);
    // With everything readable, every check that applies was evaluated. What has nothing to judge here by design (the
    // demo's kubeadm nodes name no cloud, no registry is trusted yet) is stored as not applicable, out of the scores.
    const fullRun = await one<{ notEvaluated: unknown[]; checks: { checkId: string; status: string }[] }>(
      `SELECT "notEvaluated", checks FROM snapshot WHERE id = $1`,
      [full.id],
    );
    expect(fullRun.notEvaluated).toStrictEqual([]);
    expect(
      fullRun.checks
        .filter((c) => c.status !== "evaluated")
        .map((c) => [c.checkId, c.status])
        .sort(),
    ).toStrictEqual([
      ["container.untrusted-registry", "not-applicable"],
      ["network.metadata-api-reachable", "not-applicable"],
    ]);
    const stillOpen = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM finding WHERE "clusterId" = $1 AND layer = 'network' AND "lastSeq" IS NULL`,
      [id],
    );
    expect(stillOpen.n).toBe(openNetwork.n);
    expect(full.result).toMatchObject({ status: "succeeded" });
  });

  it("retries through a 429 storm, and fails a hanging cluster with the reason while earlier snapshots stay intact", async () => {
    const storm = await uploaded({ tooManyRequests: { times: 5, retryAfterSeconds: 0 } });
    expect((await scan(storm, 3)).result).toMatchObject({ status: "succeeded" });
    const id = await uploaded({});
    const good = await scan(id, 3);
    const hanging = await uploaded({ hang: true });
    await db.query(
      `UPDATE cluster SET "kubeconfigSealed" = (SELECT "kubeconfigSealed" FROM cluster WHERE id = $2) WHERE id = $1`,
      [id, hanging],
    );
    const failed = await scan(id, 3, new Date(), { requestTimeoutMs: 300, maxRetries: 0 });
    expect(failed.result).toMatchObject({ status: "failed", error: expect.stringMatching(/no answer within 300 ms/) });
    const snapshots = await db.query(`SELECT id, status FROM snapshot WHERE "clusterId" = $1 ORDER BY seq`, [id]);
    expect(snapshots.rows).toStrictEqual([
      { id: good.id, status: "succeeded" },
      { id: failed.id, status: "failed" },
    ]);
    expect(await findingsAt(id, good.seq)).toBeGreaterThan(0);
  });

  it("keeps a scan whose write failed running, and a retry persists it exactly once", async () => {
    const id = await demo();
    const s = await startSnapshot(id, "manual", new Date("2026-11-20T10:00:00Z"));
    const run = {
      snapshotId: s.id,
      clusterId: id,
      seq: s.seq,
      takenAt: new Date("2026-11-20T10:00:00Z"),
      demoState: 3 as DemoState,
    };
    // Make the last write of the transaction fail, as a database going away mid-scan would.
    await db.query(`ALTER TABLE namespace_score ADD CONSTRAINT fail_for_test CHECK (false) NOT VALID`);
    try {
      await expect(runSnapshot(run)).rejects.toThrow(/fail_for_test/);
    } finally {
      await db.query(`ALTER TABLE namespace_score DROP CONSTRAINT fail_for_test`);
    }
    expect((await one<{ status: string }>(`SELECT status FROM snapshot WHERE id = $1`, [s.id])).status).toBe("running");
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM finding WHERE "clusterId" = $1`, [id])).n).toBe(0);
    const retried = await runSnapshot(run);
    const again = await runSnapshot(run);
    expect(retried).toMatchObject({ status: "succeeded" });
    expect(again).toMatchObject({ newCount: 0 });
    const snap = await one<{ status: string; findingCount: number }>(
      `SELECT status, "findingCount" FROM snapshot WHERE id = $1`,
      [s.id],
    );
    expect(snap.status).toBe("succeeded");
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM finding WHERE "clusterId" = $1`, [id])).n).toBe(
      snap.findingCount,
    );
    expect(
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM layer_score WHERE "snapshotId" = $1`, [s.id])).n,
    ).toBe(6);
  });

  it("stores hostile strings from the cluster exactly, inert", async () => {
    const hostile = '=HYPERLINK("http://evil")\t<script>alert(1)</script>\n\\N \\. done';
    const cluster = demoCluster(3);
    cluster.objects.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "odd",
        namespace: "shop",
        annotations: { "container.apparmor.security.beta.kubernetes.io/app": hostile },
      },
      spec: { containers: [{ name: "app", image: "registry.example.com/app:1.0" }] },
    });
    const fake = await startFakeCluster(cluster);
    fakes.push(fake);
    const id = (
      await registerCluster({
        source: "kubeconfig_upload",
        name: `hostile-${++counter}`,
        kubeconfig: fake.kubeconfig,
        scheduleMinutes: 360,
      })
    ).id;
    expect((await scan(id, 3)).result).toMatchObject({ status: "succeeded" });
    const row = await one<{ message: string }>(
      `SELECT message FROM finding WHERE "clusterId" = $1 AND "checkId" = 'pod.apparmor' AND "resourceName" = 'odd'`,
      [id],
    );
    expect(row.message).toBe(`annotation sets AppArmor profile ${hostile} for container \`app\``);
  });

  it("never runs two scans of one cluster: concurrent requests share one snapshot", async () => {
    const id = await demo();
    const [a, b, c] = await Promise.all([
      startSnapshot(id, "manual"),
      startSnapshot(id, "schedule"),
      startSnapshot(id, "manual"),
    ]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect([a, b, c].filter((s) => s.isNew)).toHaveLength(1);
  });

  it("queues one job for two schedulers asking at once, and the worker completes it", async () => {
    await startWorker();
    const id = await demo();
    const [a, b] = await Promise.all([requestScan(id, "schedule"), requestScan(id, "schedule")]);
    expect(a.id).toBe(b.id);
    let status = "running";
    for (let i = 0; i < 60 && status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await one<{ status: string }>(`SELECT status FROM snapshot WHERE id = $1`, [a.id])).status;
    }
    expect(status).toBe("succeeded");
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM snapshot WHERE "clusterId" = $1`, [id])).n).toBe(
      1,
    );
  });

  it("marks a scan whose process died as failed, so the cluster can be scanned again", async () => {
    const id = await demo();
    const s = await startSnapshot(id, "manual");
    await db.query(`UPDATE snapshot SET "heartbeatAt" = now() - interval '10 minutes' WHERE id = $1`, [s.id]);
    expect(await failOrphanedSnapshots()).toBeGreaterThanOrEqual(1);
    expect(
      (await one<{ status: string; error: string }>(`SELECT status, error FROM snapshot WHERE id = $1`, [s.id])).error,
    ).toMatch(/orphaned/);
    expect((await startSnapshot(id, "manual")).isNew).toBe(true);
  });

  it("keeps scores longer than finding detail", async () => {
    const id = await demo();
    const old = await scan(id, 0, new Date("2025-01-01T00:00:00Z"));
    await scan(id, 3, new Date("2025-01-02T00:00:00Z"));
    await applyRetention({ detailDays: 90, scoreDays: 730 }, new Date("2026-11-01T00:00:00Z"));
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM finding WHERE "clusterId" = $1 AND "lastSeq" IS NOT NULL`,
          [id],
        )
      ).n,
    ).toBe(0);
    expect(
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM layer_score WHERE "snapshotId" = $1`, [old.id])).n,
    ).toBe(6);
  });
});
