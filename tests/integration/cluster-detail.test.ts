// What a cluster's page and the overview read: recent snapshots newest first with their current
// overall score, the weakest namespaces, the latest completed scan's warnings and unevaluated checks
// (even when more scans than the page lists have failed since), why the score moved, and the sparkline.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { getPrisma } from "@/lib/db/client";
import { getClusterDetail } from "@/lib/db/clusters/get-cluster-detail";
import { getClusterMovement } from "@/lib/db/clusters/get-cluster-movement";
import { listOverallHistory } from "@/lib/db/clusters/list-overall-history";

describe("cluster detail", () => {
  it("lists recent snapshots with their current overall score and the latest completed scan's weak spots", async () => {
    const prisma = getPrisma();
    const cluster = await prisma.cluster.create({
      data: { name: `detail-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
    });
    const at = (seq: number) => new Date(Date.UTC(2026, 10, 1, seq));
    const completed = await prisma.snapshot.create({
      data: {
        clusterId: cluster.id,
        seq: 1,
        status: "partial",
        trigger: "manual",
        startedAt: at(1),
        findingCount: 7,
        newCount: 7,
        warnings: [{ kind: "NetworkPolicy", status: 403, reason: "forbidden" }],
        notEvaluated: [{ checkId: "network.namespace-no-policy", reason: "NetworkPolicies could not be read (403)" }],
      },
    });
    // Re-scored once (an accepted risk): only the current revision is the snapshot's score.
    const score = { clusterId: cluster.id, takenAt: at(1), coverage: 0.95, evaluated: 60, failed: 7 };
    await prisma.layerScore.createMany({
      data: [
        { ...score, snapshotId: completed.id, layer: null, score: 71.5, grade: "C", current: false },
        { ...score, snapshotId: completed.id, layer: null, score: 74.5, grade: "C", revision: 1 },
        { ...score, snapshotId: completed.id, layer: "pod", score: 60, grade: "D" },
      ],
    });
    const ns = { snapshotId: completed.id, clusterId: cluster.id, takenAt: at(1) };
    await prisma.namespaceScore.createMany({
      data: [
        { ...ns, namespace: "payments", score: 55, grade: "F", failed: 4 },
        { ...ns, namespace: "empty", score: null, grade: null, failed: 0 },
        { ...ns, namespace: "api", score: 55, grade: "F", failed: 2 },
        { ...ns, namespace: "web", score: 90, grade: "A", failed: 1 },
      ],
    });
    // More failed scans since than the page lists.
    for (let seq = 2; seq <= 23; seq++)
      await prisma.snapshot.create({
        data: { clusterId: cluster.id, seq, status: "failed", startedAt: at(seq), error: "connect ETIMEDOUT" },
      });

    const detail = await getClusterDetail(cluster.id);
    expect(detail.posture.snapshotId).toBe(completed.id);
    expect(detail.history.map((h) => h.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 23 - i));
    expect(detail.history[0]).toStrictEqual({
      id: expect.any(String),
      seq: 23,
      startedAt: at(23).toISOString(),
      status: "failed",
      trigger: "schedule",
      findingCount: 0,
      newCount: 0,
      resolvedCount: 0,
      overall: null,
      grade: null,
    });
    expect(detail.worstNamespaces).toStrictEqual([
      { namespace: "api", score: 55, grade: "F", failed: 2 },
      { namespace: "payments", score: 55, grade: "F", failed: 4 },
      { namespace: "web", score: 90, grade: "A", failed: 1 },
      { namespace: "empty", score: null, grade: null, failed: 0 },
    ]);
    expect(detail.warnings).toStrictEqual([{ kind: "NetworkPolicy", status: 403, reason: "forbidden" }]);
    expect(detail.notEvaluated.map((n) => n.checkId)).toStrictEqual(["network.namespace-no-policy"]);

    // Newest first down to the completed scan, with its current overall score.
    await prisma.snapshot.deleteMany({ where: { clusterId: cluster.id, seq: { gt: 5 } } });
    const recent = (await getClusterDetail(cluster.id)).history;
    expect(recent.map((h) => [h.seq, h.status, h.overall, h.grade])).toStrictEqual([
      [5, "failed", null, null],
      [4, "failed", null, null],
      [3, "failed", null, null],
      [2, "failed", null, null],
      [1, "partial", 74.5, "C"],
    ]);
    expect(recent.at(-1)).toMatchObject({ startedAt: at(1).toISOString(), trigger: "manual", findingCount: 7 });
  });

  it("says why the score moved between the latest two completed scans, from their current scores and the lifetimes between", async () => {
    const prisma = getPrisma();
    const cluster = await prisma.cluster.create({
      data: { name: `moved-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
    });
    const at = (seq: number) => new Date(Date.UTC(2026, 10, seq, 6));
    const scan = (seq: number, status: "succeeded" | "failed") =>
      prisma.snapshot.create({ data: { clusterId: cluster.id, seq, status, startedAt: at(seq) } });
    const [one, two] = [await scan(1, "succeeded"), await scan(2, "succeeded")];
    await scan(3, "failed");
    const row = (snapshotId: string, seq: number, layer: "pod" | null, score: number, extra = {}) => ({
      snapshotId,
      clusterId: cluster.id,
      takenAt: at(seq),
      layer,
      score,
      grade: "C",
      coverage: 1,
      evaluated: 10,
      failed: 1,
      ...extra,
    });
    await prisma.layerScore.createMany({
      data: [
        row(one.id, 1, null, 70),
        row(one.id, 1, "pod", 60),
        row(two.id, 2, null, 64, { current: false }),
        row(two.id, 2, null, 75, { revision: 1 }),
        row(two.id, 2, "pod", 80),
      ],
    });
    const lifetime = (i: number, checkId: string, firstSeq: number, lastSeq: number | null) => ({
      clusterId: cluster.id,
      fingerprint: `fp-${i}`,
      checkId,
      layer: "pod" as const,
      severity: "high" as const,
      resourceKind: "Deployment",
      namespace: "ns",
      resourceName: `app-${i}`,
      message: "m",
      firstSeq,
      lastSeq,
      firstSeenAt: at(firstSeq),
      lastSeenAt: lastSeq ? at(lastSeq) : null,
    });
    await prisma.finding.createMany({
      data: [
        lifetime(1, "pod.privileged", 1, 1), // resolved by scan 2
        lifetime(2, "pod.privileged", 1, 1),
        lifetime(3, "pod.host-namespaces", 2, null), // opened by scan 2
        lifetime(4, "pod.host-namespaces", 1, null), // open throughout: no movement
      ],
    });
    const m = await getClusterMovement(cluster.id);
    expect([m.previousSeq, m.previousAt, m.latestSeq, m.latestAt]).toStrictEqual([
      1,
      at(1).toISOString(),
      2,
      at(2).toISOString(),
    ]);
    expect(m.layers.filter((l) => l.previous !== null || l.current !== null)).toStrictEqual([
      { layer: "overall", previous: 70, current: 75 },
      { layer: "pod", previous: 60, current: 80 },
    ]);
    expect(m.checks.map(({ checkId, opened, resolved }) => [checkId, opened, resolved])).toStrictEqual([
      ["pod.privileged", 0, 2],
      ["pod.host-namespaces", 1, 0],
    ]);
  });

  it("draws the overview's sparkline from the last 30 days of overall scores, with the score as of a week ago", async () => {
    const prisma = getPrisma();
    const cluster = await prisma.cluster.create({
      data: { name: `spark-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
    });
    const now = new Date(Date.UTC(2026, 10, 30, 12));
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const snapshot = await prisma.snapshot.create({
      data: { clusterId: cluster.id, seq: 1, status: "succeeded", startedAt: daysAgo(40) },
    });
    const overall = (d: number, score: number | null, layer: "pod" | null = null) => ({
      snapshotId: snapshot.id,
      clusterId: cluster.id,
      takenAt: daysAgo(d),
      layer,
      score,
      coverage: 1,
      evaluated: 1,
      failed: 0,
    });
    await prisma.layerScore.createMany({
      data: [overall(40, 50), overall(20, 60), overall(8, 65), overall(6, null), overall(3, 90, "pod"), overall(1, 80)],
    });
    const history = (await listOverallHistory(now, [cluster.id])).get(cluster.id);
    expect(history).toStrictEqual({
      points: [
        { takenAt: daysAgo(20).toISOString(), score: 60 },
        { takenAt: daysAgo(8).toISOString(), score: 65 },
        { takenAt: daysAgo(1).toISOString(), score: 80 },
      ],
      weekAgo: 65,
    });
  });
});
