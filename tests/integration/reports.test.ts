import { afterAll, describe, expect, it, vi } from "vitest";

import { ZReportQuery } from "@/lib/contracts/reports";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { getPool } from "@/lib/db/pool";
import { buildReport } from "@/lib/db/reports/build-report";
import { getReport } from "@/lib/db/reports/get-report";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import type { DemoState } from "@/lib/fake-api-server/clusters/demo";
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
    expect(joined).toMatchObject({
      start: null,
      joinedAt: new Date(now.getTime() - 5 * DAY).toISOString(),
      baseline: expect.any(Number),
    });
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

  it("counts each week's opened and resolved findings, and the mean time to resolve, as the finding rows have them", async () => {
    const now = new Date();
    const tag = Date.now();
    const id = (await createCluster({ name: `report-weekly-${tag}`, source: "demo", isDemo: true })).id;
    // Fixes land and new problems appear between the demo's dated states, in different weeks.
    await scan(id, 0, new Date(now.getTime() - 60 * DAY));
    await scan(id, 1, new Date(now.getTime() - 45 * DAY));
    await scan(id, 2, new Date(now.getTime() - 20 * DAY));
    await scan(id, 3, new Date(now.getTime() - 2 * DAY));
    const report = await buildReport(ZReportQuery.parse({ clusters: id, days: "90" }), now);

    const { rows } = await getPool().query<{ week: string; opened: number; resolved: number }>(
      `SELECT to_char(w, 'YYYY-MM-DD') AS week,
              (SELECT count(*)::int FROM finding WHERE "clusterId" = $1 AND "firstSeq" > 1 AND date_trunc('week', "firstSeenAt") = w) AS opened,
              (SELECT count(*)::int FROM finding WHERE "clusterId" = $1 AND date_trunc('week', "resolvedAt") = w) AS resolved
       FROM unnest($2::date[]) AS t(w)`,
      [id, report.weekly.map((w) => w.week)],
    );
    expect(report.weekly).toEqual(rows);
    expect(report.weekly.some((w) => w.opened > 0)).toBe(true);
    expect(report.weekly.some((w) => w.resolved > 0)).toBe(true);

    const times = await getPool().query<{ severity: string; resolved: number; meanHours: number }>(
      `SELECT severity::text, count(*)::int AS resolved, avg(extract(epoch FROM "resolvedAt" - "firstSeenAt") / 3600)::float8 AS "meanHours"
       FROM finding WHERE "clusterId" = $1 AND "resolvedAt" IS NOT NULL GROUP BY severity`,
      [id],
    );
    for (const t of report.resolveTimes) {
      const row = times.rows.find((r) => r.severity === t.severity);
      expect(t.resolved).toBe(row?.resolved ?? 0);
      if (row) expect(t.meanHours).toBeCloseTo(row.meanHours, 6);
      else expect(t.meanHours).toBeNull();
    }
    expect(report.resolveTimes.some((t) => t.resolved > 0)).toBe(true);
  });

  it("builds a report once for everyone asking in the same hour, and anew as soon as a scan completes", async () => {
    const now = new Date();
    const id = (await createCluster({ name: `report-kept-${Date.now()}`, source: "demo", isDemo: true })).id;
    await scan(id, 0, new Date(now.getTime() - 2 * DAY));
    const query = ZReportQuery.parse({ clusters: id, days: "30" });
    const first = await getReport(query, now);
    expect((await getReport(query, now)).report).toBe(first.report);
    expect(first.generatedAt).toEqual(now);
    // A new scan moves the figures: the next request builds them again, with that scan in them.
    await scan(id, 3, new Date(now.getTime() - 60_000));
    const after = await getReport(query, now);
    expect(after.report).not.toBe(first.report);
    expect(after.report).toEqual(await buildReport(query, now));
    expect(after.report.trend.at(-1)!.overall).not.toBe(first.report.trend.at(-1)!.overall);
  });

  it("answers the hour before's report while the new hour's is built on the same figures, and never after a scan", async () => {
    const HOUR = 3_600_000;
    const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 60_000);
    const id = (await createCluster({ name: `report-hour-${Date.now()}`, source: "demo", isDemo: true })).id;
    await scan(id, 0, new Date(now.getTime() - 2 * DAY));
    const query = ZReportQuery.parse({ clusters: id, days: "30" });
    const first = await getReport(query, now);

    // The next hour: its report is being built, and the one read an hour ago answers, saying when it was read.
    const next = new Date(now.getTime() + HOUR);
    const during = await getReport(query, next);
    expect(during).toBe(first);
    expect(during.generatedAt).toEqual(now);
    await vi.waitFor(async () => expect((await getReport(query, next)).generatedAt).toEqual(next));

    // A scan's figures are waited for, hour turned or not.
    await scan(id, 3, new Date(now.getTime() - 60_000));
    const later = new Date(next.getTime() + HOUR);
    const after = await getReport(query, later);
    expect(after.generatedAt).toEqual(later);
    expect(after.report).toEqual(await buildReport(query, later));
    expect(after.report.trend.at(-1)!.overall).not.toBe(first.report.trend.at(-1)!.overall);
  });
});
