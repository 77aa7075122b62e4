// Compare: two scans of one fixture, one of them without read access to network policies.
// The blind side's unknown network checks must not read as findings "only in" the other side.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { registerCluster } from "@/lib/clusters/register-cluster";
import type { DiffFinding } from "@/lib/contracts/snapshot-changes";
import { getPrisma } from "@/lib/db/client";
import { compareSnapshots, diffAcross, listComparables } from "@/lib/db/compare/compare-snapshots";
import { copyClosedLifetimes } from "@/lib/db/findings/copy-closed-lifetimes";
import { getPool } from "@/lib/db/pool";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { startFakeCluster, type RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import type { Faults } from "@/lib/fake-api-server/types";
import { runSnapshot } from "@/lib/scans/run-snapshot";

const fakes: RunningFakeCluster[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close().catch(() => {})));
});

async function scannedCluster(name: string, faults: Faults = {}) {
  const fake = await startFakeCluster(demoCluster(3), { faults });
  fakes.push(fake);
  const { id } = await registerCluster({
    source: "kubeconfig_upload",
    name: `${name}-${Date.now()}`,
    kubeconfig: fake.kubeconfig,
    scheduleMinutes: 360,
  });
  const takenAt = new Date();
  const s = await startSnapshot(id, "manual", takenAt);
  await runSnapshot({
    snapshotId: s.id,
    clusterId: id,
    seq: s.seq,
    takenAt,
    collect: { requestTimeoutMs: 2_000, maxRetries: 0 },
  });
  return s.id;
}

describe("compare", () => {
  it("leaves findings of checks one side could not evaluate out of 'only in', and says which checks", async () => {
    const full = await scannedCluster("compare-full");
    const blind = await scannedCluster("compare-blind", { forbidden: ["networkpolicies.networking.k8s.io"] });
    const c = await compareSnapshots(full, blind);
    expect(c.b.notEvaluated).toEqual(
      expect.arrayContaining(["network.namespace-no-policy", "network.pod-ingress-unrestricted"]),
    );
    expect(c.a.notEvaluated).toStrictEqual([]);
    // Same fixture: nothing is known to differ.
    expect(c.onlyA.filter((f) => c.b.notEvaluated.includes(f.checkId))).toStrictEqual([]);
    expect(c.onlyACount).toBe(0);
    expect(c.onlyBCount).toBe(0);
    expect(c.both).toBeGreaterThan(50);
  });

  it("compares two scans of one cluster from the lifetimes that changed between them, as every finding of both would", async () => {
    // 40 findings present or not at each of 6 scans (some go and come back: several lifetimes each);
    // scan 3 could not evaluate check "pod.b". The expected lists come from the presence table itself.
    const prisma = getPrisma();
    const cluster = await prisma.cluster.create({
      data: { name: `compare-life-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
    });
    const SCANS = 6;
    const ids: string[] = [];
    for (let seq = 1; seq <= SCANS; seq++) {
      const snapshot = await prisma.snapshot.create({
        data: {
          id: `snp_${randomUUID()}`,
          clusterId: cluster.id,
          seq,
          status: "succeeded",
          trigger: "manual",
          startedAt: new Date(Date.UTC(2026, 10, seq, 6)),
          finishedAt: new Date(Date.UTC(2026, 10, seq, 7)),
          notEvaluated: seq === 3 ? [{ checkId: "pod.b", reason: "forbidden" }] : [],
        },
      });
      ids.push(snapshot.id);
    }
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const present = Array.from({ length: 40 }, () => Array.from({ length: SCANS }, () => random() < 0.6));
    const finding = (i: number) => ({
      checkId: ["pod.a", "pod.b", "container.c"][i % 3]!,
      severity: (["critical", "high", "medium", "low"] as const)[i % 4]!,
      resourceKind: "Deployment",
      namespace: `ns-${i % 3}`,
      resourceName: `app-${i}`,
      container: i % 2 ? "main" : "",
      message: `finding ${i}`,
    });
    const lifetimes = present.flatMap((row, i) =>
      row.flatMap((on, s) => {
        if (!on || row[s - 1]) return [];
        let last = s;
        while (row[last + 1]) last++;
        return [
          {
            clusterId: cluster.id,
            // Every lifetime of one finding has its fingerprint, as a scan writes them (fingerprint.ts).
            fingerprint: `fp-${i}`,
            layer: "pod" as const,
            ...finding(i),
            firstSeq: s + 1,
            lastSeq: last === SCANS - 1 ? null : last + 1,
            firstSeenAt: new Date(Date.UTC(2026, 10, s + 1, 6)),
            lastSeenAt: last === SCANS - 1 ? null : new Date(Date.UTC(2026, 10, last + 1, 6)),
            resolvedAt: last === SCANS - 1 ? null : new Date(Date.UTC(2026, 10, last + 2, 6)),
          },
        ];
      }),
    );
    expect(lifetimes.length).toBeGreaterThan(present.length);
    await prisma.finding.createMany({ data: lifetimes });
    // Each closed lifetime also as the scan that closed it writes it (complete-snapshot.ts).
    await copyClosedLifetimes(getPool(), cluster.id);

    const key = (f: DiffFinding) => `${f.checkId} ${f.resourceName} ${f.container} ${f.severity} ${f.message}`;
    const blindTo = (s: number) => (s === 2 ? ["pod.b"] : []);
    // Counted from the lifetimes (these snapshots have no stored count), then from the counts the
    // migration's backfill stores (what a scan stores when it completes): the same answers.
    await everyPair();
    const migration = readFileSync(
      path.join(process.cwd(), "prisma/migrations/20261201171505_snapshot_seen_count/migration.sql"),
      "utf8",
    );
    await getPool().query(migration.slice(migration.indexOf("-- Backfill")));
    const stored = await prisma.snapshot.findMany({ where: { clusterId: cluster.id }, orderBy: { seq: "asc" } });
    expect(stored.map((s) => s.seenCount)).toEqual(
      Array.from({ length: SCANS }, (_, s) => present.filter((row) => row[s]).length),
    );
    await everyPair();

    async function everyPair() {
      for (let x = 0; x < SCANS; x++)
        for (let y = 0; y < SCANS; y++) {
          const c = await compareSnapshots(ids[x]!, ids[y]!);
          const only = (p: number, q: number) =>
            present
              .flatMap((row, i) => (row[p] && !row[q] && !blindTo(q).includes(finding(i).checkId) ? [finding(i)] : []))
              .map(key)
              .sort();
          expect([c.onlyA.map(key).sort(), c.onlyB.map(key).sort()], `scan ${x + 1} against ${y + 1}`).toEqual([
            only(x, y),
            only(y, x),
          ]);
          expect([c.onlyACount, c.onlyBCount, c.both]).toEqual([
            only(x, y).length,
            only(y, x).length,
            present.filter((row) => row[x] && row[y]).length,
          ]);
          // The same answer as matching every finding of both scans (the way two clusters are compared).
          const across = await diffAcross(c.a, c.b);
          expect({ ...across, onlyA: across.onlyA.map(key).sort(), onlyB: across.onlyB.map(key).sort() }).toEqual({
            ...c,
            a: undefined,
            b: undefined,
            onlyA: c.onlyA.map(key).sort(),
            onlyB: c.onlyB.map(key).sort(),
          });
        }
    }
  });

  it("offers a cluster's latest scan, its eight most recent completed snapshots and an older one on a side", async () => {
    const prisma = getPrisma();
    const cluster = await prisma.cluster.create({
      data: { name: `compare-pick-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
    });
    const ids: string[] = [];
    for (let seq = 1; seq <= 11; seq++) {
      const s = await prisma.snapshot.create({
        data: {
          id: `snp_${randomUUID()}`,
          clusterId: cluster.id,
          seq,
          // Scan 10 failed: nothing to compare with, so not offered.
          status: seq === 10 ? "failed" : "succeeded",
          trigger: "manual",
          startedAt: new Date(Date.UTC(2026, 10, seq, 6, 30)),
        },
      });
      ids.push(s.id);
    }
    const options = await listComparables({ clusterIds: [cluster.id], snapshotIds: [ids[0]!] });
    const mine = options.filter((o) => o.label.startsWith(`${cluster.name}:`));
    const label = (seq: number) =>
      `${cluster.name}: snapshot #${seq} (2026-11-${String(seq).padStart(2, "0")} 06:30 UTC)`;
    expect(mine).toStrictEqual([
      { id: cluster.id, label: `${cluster.name}: latest scan` },
      ...[11, 9, 8, 7, 6, 5, 4, 3].map((seq) => ({ id: ids[seq - 1], label: label(seq) })),
      { id: ids[0], label: label(1) },
    ]);
    // Not in focus: the cluster's latest scan is still offered; its snapshots only in a small fleet.
    const unfocused = (await listComparables()).filter((o) => o.label.startsWith(`${cluster.name}:`));
    expect(unfocused[0]).toStrictEqual({ id: cluster.id, label: `${cluster.name}: latest scan` });
    expect(unfocused.length === 1 || unfocused.length === 9).toBe(true);
  });
});
