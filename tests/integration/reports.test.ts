import { afterAll, describe, expect, it } from "vitest";
import { ZReportQuery } from "@/lib/api/schemas/reports";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { buildReport } from "@/lib/db/reports/build-report";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import type { DemoState } from "@/lib/fake-api-server/clusters/demo";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import { runSnapshot } from "@/lib/scans/run-snapshot";

afterAll(async () => {
  await stopDemoServers();
});

const DAY = 86_400_000;

async function scan(clusterId: string, state: DemoState, takenAt: Date) {
  const s = await startSnapshot(clusterId, "manual", takenAt);
  await runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState: state });
}

describe("reports compare like with like", () => {
  it("keeps a cluster that joins mid-period out of the fleet curve and tiles, lists it apart with its baseline, and the tiles equal the chart's last day", async () => {
    const now = new Date();
    const tag = Date.now();
    const old = (await createCluster({ name: `report-old-${tag}`, source: "demo", isDemo: true })).id;
    const joiner = (await createCluster({ name: `report-new-${tag}`, source: "demo", isDemo: true })).id;
    await scan(old, 0, new Date(now.getTime() - 40 * DAY));
    await scan(joiner, 3, new Date(now.getTime() - 5 * DAY));
    await scan(old, 3, new Date(now.getTime() - DAY));

    const report = await buildReport(ZReportQuery.parse({ clusters: `${old},${joiner}`, days: "30" }), now);
    expect(report.compared).toEqual([old]);
    // The curve only moves when the compared cluster's own scan changed it: one step, the day before today.
    const overall = report.trend.map((p) => p.overall);
    expect(new Set(overall.slice(0, -2)).size).toBe(1);
    expect(overall.at(-1)).not.toBe(overall[0]);
    const highs = report.criticalHigh.map((p) => p.high);
    expect(new Set(highs.slice(0, -2)).size).toBe(1);
    // Each tile is the chart's last day.
    expect(report.openBySeverity.high).toBe(report.criticalHigh.at(-1)!.high);
    expect(report.openBySeverity.critical).toBe(report.criticalHigh.at(-1)!.critical);

    const joined = report.perCluster.find((c) => c.id === joiner)!;
    expect(joined).toMatchObject({ start: null, joinedAt: new Date(now.getTime() - 5 * DAY).toISOString(), baseline: expect.any(Number) });
    expect(joined.baseline!).toBeGreaterThan(0);
    const stayed = report.perCluster.find((c) => c.id === old)!;
    expect(stayed.start!.score).toBe(overall[0]);
    expect(stayed.end!.score).toBe(overall.at(-1));
    expect(stayed.joinedAt).toBeNull();

    // Alone, a cluster first scanned inside the period is compared from its first scan.
    const alone = await buildReport(ZReportQuery.parse({ clusters: joiner, days: "30" }), now);
    expect(alone).toMatchObject({ compared: [joiner], comparedFrom: new Date(now.getTime() - 5 * DAY).toISOString() });
    expect(alone.trend.length).toBe(6);
    expect(alone.openBySeverity.high).toBe(alone.criticalHigh.at(-1)!.high);
  });
});
