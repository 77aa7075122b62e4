import { afterAll, describe, expect, it } from "vitest";

import { GET as postureRoute } from "@/app/api/clusters/[id]/posture/route";
import { GET as findingsRoute } from "@/app/api/findings/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { POST as approveRoute } from "@/app/api/suppressions/[id]/approve/route";
import { DELETE as revokeRoute } from "@/app/api/suppressions/[id]/route";
import { POST as createRoute } from "@/app/api/suppressions/route";
import { scorecardLink, type ScorecardCount } from "@/lib/api/scorecard-links";
import { LAYERS } from "@/lib/checks/types";
import { registerCluster } from "@/lib/clusters/register-cluster";
import { ZApprovalCreated } from "@/lib/contracts/approvals";
import type { UnjudgedCheck } from "@/lib/contracts/checks";
import { dataOf } from "@/lib/contracts/envelope";
import { ZFindingPage } from "@/lib/contracts/findings";
import { ZReportQuery } from "@/lib/contracts/reports";
import { ZClusterPosture, type ClusterPosture } from "@/lib/contracts/scores";
import { listCheckStandings } from "@/lib/db/checks/list-check-standings";
import { getPrisma } from "@/lib/db/client";
import { listFailingChecks } from "@/lib/db/findings/list-failing-checks";
import { getPool } from "@/lib/db/pool";
import { buildReport } from "@/lib/db/reports/build-report";
import { rescoreIfRisksChangedSince } from "@/lib/db/snapshots/rescore-latest";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { startFakeCluster, type RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import type { Faults } from "@/lib/fake-api-server/types";
import { runSnapshot } from "@/lib/scans/run-snapshot";
import { expireAcceptedRisks } from "@/lib/suppressions/expire-suppressions";

import { APP, call, makeUser, signIn } from "../helpers/auth";
import { expectJson } from "../helpers/parse-response";

/** The checks each cluster's latest completed snapshot could not judge, read straight from the stored snapshots. */
async function listUnjudgedChecks(): Promise<UnjudgedCheck[]> {
  const { rows } = await getPool().query<UnjudgedCheck>(
    `SELECT c->>'checkId' AS "checkId", cl.id AS "clusterId", cl.name AS "clusterName", c->>'status' AS status
       FROM cluster cl
       JOIN LATERAL (SELECT checks FROM snapshot s WHERE s."clusterId" = cl.id AND s.status IN ('succeeded', 'partial')
                     ORDER BY s.seq DESC LIMIT 1) latest ON true
       CROSS JOIN LATERAL jsonb_array_elements(latest.checks) c
      WHERE c->>'status' IN ('not-evaluated', 'not-applicable')
      ORDER BY cl.name`,
  );
  return rows;
}

const fakes: RunningFakeCluster[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close().catch(() => {})));
});

/** Read access lost to network policies and secrets, as a ClusterRole missing those rules gives. */
const BLIND: Faults = { forbidden: ["networkpolicies.networking.k8s.io", "secrets"] };
const DAY = 86_400_000;
let counter = 0;

/** The demo fixture served over HTTPS by the fake API server, registered from an uploaded kubeconfig. */
async function fixtureCluster(faults: Faults = {}): Promise<{ id: string; fake: RunningFakeCluster }> {
  const fake = await startFakeCluster(demoCluster(3), { faults });
  fakes.push(fake);
  const { id } = await registerCluster({
    source: "kubeconfig_upload",
    name: `honest-${Date.now()}-${++counter}`,
    kubeconfig: fake.kubeconfig,
    scheduleMinutes: 360,
  });
  return { id, fake };
}

/** Points a cluster at another fake server's kubeconfig (same fixture, other permissions). */
async function reconnect(clusterId: string, otherClusterId: string): Promise<void> {
  await getPool().query(
    `UPDATE cluster SET "kubeconfigSealed" = (SELECT "kubeconfigSealed" FROM cluster WHERE id = $2) WHERE id = $1`,
    [clusterId, otherClusterId],
  );
}

async function scan(clusterId: string, takenAt = new Date()) {
  const s = await startSnapshot(clusterId, "manual", takenAt);
  return {
    ...s,
    result: await runSnapshot({
      snapshotId: s.id,
      clusterId,
      seq: s.seq,
      takenAt,
      collect: { requestTimeoutMs: 2_000, maxRetries: 0 },
    }),
  };
}

async function viewer(): Promise<string> {
  return (await signIn((await makeUser("viewer")).email)).cookie;
}

/** What the scorecards show, read as automation would: GET /api/clusters/{id}/posture. */
async function posture(clusterId: string, cookie: string): Promise<ClusterPosture> {
  const res = await call(postureRoute, {
    headers: { cookie },
    params: { id: clusterId },
    path: `/api/clusters/${clusterId}/posture`,
  });
  expect(res.status).toBe(200);
  return (await expectJson(res, dataOf(ZClusterPosture))).data;
}

/** Every row a findings link lists, page by page through GET /api/findings with the link's own query. */
async function rowsOf(link: string, cookie: string): Promise<number> {
  const query = link.slice(link.indexOf("?"));
  let rows = 0;
  let cursor: string | null = null;
  do {
    const path: string = `/api/findings${query}&limit=200${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await call(findingsRoute, { headers: { cookie }, path });
    expect(res.status, path).toBe(200);
    const page = await expectJson(res, ZFindingPage);
    rows += page.data.length;
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** Each scorecard figure next to the rows its link lists: [label, shown, listed]. */
async function countsAndRows(p: ClusterPosture, cookie: string): Promise<[string, number, number][]> {
  const out: [string, number, number][] = [];
  const field: Record<ScorecardCount, "failed" | "critical" | "high" | "suppressed"> = {
    open: "failed",
    critical: "critical",
    high: "high",
    suppressed: "suppressed",
  };
  for (const s of p.scores) {
    for (const count of ["open", "critical", "high", "suppressed"] as const) {
      const link = scorecardLink(p.clusterId, s.layer, count);
      out.push([`${s.layer ?? "overall"} ${count}`, s[field[count]], await rowsOf(link, cookie)]);
    }
  }
  return out;
}

const layerOf = (p: ClusterPosture, layer: string | null) => p.scores.find((s) => s.layer === layer)!;

describe("every number Bulwark shows is true", () => {
  it("scores a scan without read access to network policies and secrets no higher, in any layer or overall, and grades nothing under 90% coverage", async () => {
    const cookie = await viewer();
    const full = await fixtureCluster();
    const blind = await fixtureCluster(BLIND);
    expect((await scan(full.id)).result).toMatchObject({ status: "succeeded" });
    expect((await scan(blind.id)).result).toMatchObject({ status: "partial" });
    const [seen, unseen] = [await posture(full.id, cookie), await posture(blind.id, cookie)];
    for (const layer of [null, ...LAYERS]) {
      const a = layerOf(seen, layer);
      const b = layerOf(unseen, layer);
      expect(b.score ?? 0, `${layer ?? "overall"}: blind ${b.score} vs full ${a.score}`).toBeLessThanOrEqual(
        a.score ?? 0,
      );
      if (b.coverage < 0.9)
        expect(b.grade, `${layer ?? "overall"} at ${Math.round(b.coverage * 100)}% coverage`).toBeNull();
      else expect(b.grade).toMatch(/^[A-F]$/);
    }
    // The layers that lost their inputs score lower and show their coverage; the network layer is incomplete.
    for (const layer of ["network", "secrets"] as const) {
      expect(layerOf(unseen, layer).score!).toBeLessThan(layerOf(seen, layer).score!);
      expect(layerOf(unseen, layer).coverage).toBeLessThan(1);
    }
    expect(layerOf(unseen, "network").coverage).toBeLessThan(0.9);
    expect(layerOf(unseen, "network").grade).toBeNull();
    expect(layerOf(unseen, null).score!).toBeLessThan(layerOf(seen, null).score!);
    expect(layerOf(seen, "network").coverage).toBe(1);
    // The Checks page never calls a check passing where it could not run: the blind cluster's
    // latest scan lists the network-policy checks as not evaluated, the full one does not.
    const unjudged = await listUnjudgedChecks();
    const notEvaluatedIn = (clusterId: string) =>
      unjudged.filter((u) => u.clusterId === clusterId && u.status === "not-evaluated").map((u) => u.checkId);
    const stored = await getPool().query<{ checkId: string }>(
      `SELECT e->>'checkId' AS "checkId" FROM snapshot s, jsonb_array_elements(s."notEvaluated") e
        WHERE s."clusterId" = $1 AND s.seq = (SELECT max(seq) FROM snapshot WHERE "clusterId" = $1)`,
      [blind.id],
    );
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(notEvaluatedIn(blind.id).sort()).toEqual(stored.rows.map((r) => r.checkId).sort());
    expect(notEvaluatedIn(full.id)).toEqual([]);
    // The catalog's standing per check counts those same rows (and the failing-check rows), naming
    // the first few. Other tests scan meanwhile: compared on reads taken together, until they agree.
    const mismatches = async () => {
      const [standings, counted, judged, failingRows] = await Promise.all([
        listCheckStandings(2),
        listCheckStandings(0),
        listUnjudgedChecks(),
        listFailingChecks(),
      ]);
      const wrong: string[] = [];
      // The catalog's counts without names (what the Checks page reads) are the same counts.
      for (const [checkId, s] of standings) {
        const c = counted.get(checkId);
        if (
          !c ||
          c.failing.count !== s.failing.count ||
          c.unjudged.notEvaluated !== s.unjudged.notEvaluated ||
          c.unjudged.notApplicable !== s.unjudged.notApplicable ||
          c.failing.clusters.length + c.unjudged.clusters.length > 0
        )
          wrong.push(`counted ${checkId}`);
      }
      for (const [checkId, rows] of Map.groupBy(judged, (u) => u.checkId)) {
        const u = standings.get(checkId)?.unjudged;
        const expected = {
          notEvaluated: rows.filter((r) => r.status === "not-evaluated").length,
          notApplicable: rows.filter((r) => r.status === "not-applicable").length,
          clusters: rows.slice(0, 2).map(({ clusterId, clusterName, status }) => ({ clusterId, clusterName, status })),
        };
        if (JSON.stringify(u) !== JSON.stringify(expected)) wrong.push(`unjudged ${checkId}`);
      }
      const failing = Map.groupBy(
        failingRows.filter((f) => f.open > 0),
        (f) => f.checkId,
      );
      if (failing.size === 0) wrong.push("no failing check at all");
      for (const [checkId, rows] of failing) {
        const expected = {
          count: rows.length,
          clusters: rows.slice(0, 2).map(({ clusterId, clusterName, open }) => ({ clusterId, clusterName, open })),
        };
        if (JSON.stringify(standings.get(checkId)?.failing) !== JSON.stringify(expected))
          wrong.push(`failing ${checkId}`);
      }
      return wrong;
    };
    await expect.poll(mismatches, { timeout: 10_000 }).toEqual([]);
    // A check's own page names every cluster it fails in, in the same order (read together with the rows, as above).
    const oneCheck = (await listFailingChecks()).find((f) => f.open > 0)!.checkId;
    const agrees = async () => {
      const [standing, rows] = await Promise.all([listCheckStandings(null, oneCheck), listFailingChecks()]);
      const ids = rows.filter((f) => f.checkId === oneCheck && f.open > 0).map((f) => f.clusterId);
      const failing = standing.get(oneCheck)!.failing;
      return (
        ids.length > 0 && failing.count === ids.length && failing.clusters.map((c) => c.clusterId).join() === ids.join()
      );
    };
    await expect.poll(agrees, { timeout: 10_000 }).toBe(true);
    // The manager's report carries the same coverage, so it can mark the blind cluster's score incomplete.
    const report = await buildReport(ZReportQuery.parse({ clusters: `${full.id},${blind.id}`, days: "30" }));
    const end = (id: string) => report.perCluster.find((c) => c.id === id)!.end!;
    expect(end(blind.id).coverage).toBeCloseTo(layerOf(unseen, null).coverage, 6);
    expect(end(full.id).coverage).toBeCloseTo(layerOf(seen, null).coverage, 6);
    expect(end(blind.id).score).toBeCloseTo(layerOf(unseen, null).score!, 6);
    // Prometheus gauges of open findings add up to the open rows, per cluster and severity.
    const text = await (await call(metricsRoute, { headers: { cookie } })).text();
    const shown = [...text.matchAll(/^bulwark_open_findings\{cluster="([^"]*)",severity="([^"]*)"\} (\d+)$/gm)]
      .map((m) => `${m[1]}/${m[2]}=${m[3]}`)
      .sort();
    const { rows } = await getPool().query<{ key: string }>(
      `SELECT c.name || '/' || f.severity::text || '=' || count(*)::text AS key FROM finding f JOIN cluster c ON c.id = f."clusterId"
        WHERE f."lastSeq" IS NULL GROUP BY c.name, f.severity`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(shown).toEqual(rows.map((r) => r.key).sort());
    // The exposition is kept between scrapes only while nothing behind it changed: a scan that
    // starts shows at once, and so does its end.
    const scrape = async () => (await call(metricsRoute, { headers: { cookie } })).text();
    const name = (await getPool().query<{ name: string }>(`SELECT name FROM cluster WHERE id = $1`, [full.id])).rows[0]!
      .name;
    const scans = (t: string, status: string) =>
      Number(new RegExp(`^bulwark_scans\\{cluster="${name}",status="${status}"\\} (\\d+)$`, "m").exec(t)?.[1] ?? 0);
    // The latest scan's end as Unix time, whatever the host's time zone.
    const finished = await getPrisma().snapshot.findFirst({
      where: { clusterId: full.id, finishedAt: { not: null } },
      orderBy: { seq: "desc" },
    });
    const gauge = new RegExp(`^bulwark_last_scan_finished_timestamp_seconds\\{cluster="${name}"\\} (\\S+)$`, "m");
    expect(Number(gauge.exec(text)?.[1])).toBeCloseTo(finished!.finishedAt!.getTime() / 1000, 2);
    expect(await scrape()).toBe(text);
    const running = await startSnapshot(full.id, "manual", new Date());
    expect(await scrape()).not.toBe(text);
    await getPool().query(`UPDATE snapshot SET status = 'failed', "finishedAt" = now() WHERE id = $1`, [running.id]);
    expect(scans(await scrape(), "failed")).toBe(scans(text, "failed") + 1);
  });

  it("makes every scorecard count equal the rows its link lists, after per-resource merging, accepted risks and a lost permission", async () => {
    const cookie = await viewer();
    const analyst = (await signIn((await makeUser("analyst")).email)).cookie;
    const { id } = await fixtureCluster();
    await scan(id);
    // An accepted risk on a medium finding takes effect at once: its rows move from "open" to "accepted".
    const medium = await expectJson(
      await call(findingsRoute, { headers: { cookie }, path: `/api/findings?cluster=${id}&severity=medium&limit=25` }),
      ZFindingPage,
    );
    const created = await call(createRoute, {
      method: "POST",
      headers: { cookie: analyst, origin: APP },
      body: {
        findingId: medium.data[0]!.id,
        scope: "cluster",
        reason: "Accepted across the cluster for the test",
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    const mismatches = (rows: [string, number, number][]) => rows.filter(([, shown, listed]) => shown !== listed);
    const afterRisk = await countsAndRows(await posture(id, cookie), cookie);
    expect(mismatches(afterRisk)).toEqual([]);
    expect(afterRisk.find(([label]) => label === "overall suppressed")![1]).toBeGreaterThan(0);
    expect(afterRisk.find(([label]) => label === "overall open")![1]).toBeGreaterThan(0);
    // The next scan loses network policies and secrets: their findings stay open (listed), and counted.
    const blind = await fixtureCluster(BLIND);
    await reconnect(id, blind.id);
    expect((await scan(id)).result).toMatchObject({ status: "partial" });
    expect(mismatches(await countsAndRows(await posture(id, cookie), cookie))).toEqual([]);
  });

  it("shows a failed latest scan with its reason and since when, and claims no coverage without a completed scan", async () => {
    const cookie = await viewer();
    const never = await fixtureCluster();
    await never.fake.close();
    const firstAt = new Date(Date.now() - 60_000);
    await scan(never.id, firstAt);
    const second = await scan(never.id);
    expect(second.result).toMatchObject({ status: "failed" });
    const p = await posture(never.id, cookie);
    expect(p).toMatchObject({ snapshotId: null, takenAt: null, scores: [], status: "failed" });
    expect(p.failure).toMatchObject({
      snapshotId: second.id,
      failedScans: 2,
      error: expect.stringMatching(/ECONNREFUSED|refused/i),
    });
    expect(p.failure!.since).toBe(firstAt.toISOString());

    // A cluster that completed a scan and then went away: the failure, beside the last completed scan's figures.
    const once = await fixtureCluster();
    const good = await scan(once.id, new Date(Date.now() - 60_000));
    await once.fake.close();
    const failed = await scan(once.id);
    const q = await posture(once.id, cookie);
    expect(q).toMatchObject({ snapshotId: good.id, snapshotSeq: good.seq, status: "failed" });
    expect(q.failure).toMatchObject({
      snapshotId: failed.id,
      seq: failed.seq,
      failedScans: 1,
      error: expect.stringMatching(/ECONNREFUSED|refused/i),
    });
  });

  it("moves the shown score at once when an accepted risk is approved, revoked or expires, with a score revision naming the cause", async () => {
    const cookie = await viewer();
    const alice = (await signIn((await makeUser("analyst", "alice")).email)).cookie;
    const bob = (await signIn((await makeUser("analyst", "bob")).email)).cookie;
    const { id } = await fixtureCluster();
    await scan(id);
    const before = await posture(id, cookie);
    const high = await expectJson(
      await call(findingsRoute, {
        headers: { cookie },
        path: `/api/findings?cluster=${id}&check=container.image-tag-latest&limit=25`,
      }),
      ZFindingPage,
    );
    const proposed = await call(createRoute, {
      method: "POST",
      headers: { cookie: alice, origin: APP },
      body: {
        findingId: high.data[0]!.id,
        scope: "cluster",
        reason: "Tags pinned by the platform team next quarter",
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    const { id: riskId } = await expectJson(proposed, ZApprovalCreated);
    expect((await posture(id, cookie)).scores).toStrictEqual(before.scores);

    expect(
      (await call(approveRoute, { method: "POST", headers: { cookie: bob, origin: APP }, params: { id: riskId } }))
        .status,
    ).toBe(200);
    const approved = await posture(id, cookie);
    expect(layerOf(approved, "container").score!).toBeGreaterThan(layerOf(before, "container").score!);
    expect(layerOf(approved, null).score!).toBeGreaterThan(layerOf(before, null).score!);
    expect(layerOf(approved, "container").suppressed).toBeGreaterThan(0);
    expect(layerOf(approved, "container").high).toBeLessThan(layerOf(before, "container").high);
    expect(approved.snapshotId).toBe(before.snapshotId);

    expect(
      (await call(revokeRoute, { method: "DELETE", headers: { cookie: bob, origin: APP }, params: { id: riskId } }))
        .status,
    ).toBe(204);
    expect((await posture(id, cookie)).scores).toStrictEqual(before.scores);

    // A medium one, active at once, that expires: the minute tick ends it and the score steps back.
    const medium = await expectJson(
      await call(findingsRoute, { headers: { cookie }, path: `/api/findings?cluster=${id}&severity=medium&limit=25` }),
      ZFindingPage,
    );
    const created = await call(createRoute, {
      method: "POST",
      headers: { cookie: alice, origin: APP },
      body: {
        findingId: medium.data[0]!.id,
        scope: "cluster",
        reason: "Short exemption for the test",
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      },
    });
    const { id: shortId } = await expectJson(created, ZApprovalCreated);
    expect((await posture(id, cookie)).scores).not.toStrictEqual(before.scores);
    await getPool().query(`UPDATE suppression SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [shortId]);
    expect(await expireAcceptedRisks()).toBe(1);
    expect((await posture(id, cookie)).scores).toStrictEqual(before.scores);

    // History holds each step at the time it happened, with its cause.
    const { rows } = await getPool().query<{ revision: number; cause: string | null }>(
      `SELECT revision, cause FROM layer_score WHERE "clusterId" = $1 AND layer IS NULL ORDER BY "takenAt", revision`,
      [id],
    );
    expect(rows).toEqual([
      { revision: 0, cause: null },
      { revision: 1, cause: "accepted risk approved: container.image-tag-latest" },
      { revision: 2, cause: "accepted risk revoked: container.image-tag-latest" },
      { revision: 3, cause: expect.stringMatching(/^accepted risk created: /) },
      { revision: 4, cause: expect.stringMatching(/^accepted risk expired: /) },
    ]);
  });

  it("re-scores a scan stored after an accepted risk changed while it ran", async () => {
    const cookie = await viewer();
    const alice = (await signIn((await makeUser("analyst", "alice")).email)).cookie;
    const { id } = await fixtureCluster();
    await scan(id);
    const medium = await expectJson(
      await call(findingsRoute, { headers: { cookie }, path: `/api/findings?cluster=${id}&severity=medium&limit=25` }),
      ZFindingPage,
    );
    const rulesReadAt = new Date();
    const before = await posture(id, cookie);
    // As if it were approved between the scan reading the rules and storing its scores: no re-score yet.
    const created = await call(createRoute, {
      method: "POST",
      headers: { cookie: alice, origin: APP },
      body: {
        findingId: medium.data[0]!.id,
        scope: "cluster",
        reason: "Approved while a scan ran",
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    await getPool().query(`DELETE FROM layer_score WHERE "clusterId" = $1 AND revision > 0`, [id]);
    await getPool().query(`UPDATE layer_score SET current = true WHERE "clusterId" = $1`, [id]);
    expect((await posture(id, cookie)).scores).toStrictEqual(before.scores);
    await rescoreIfRisksChangedSince(id, rulesReadAt);
    expect(layerOf(await posture(id, cookie), null).suppressed).toBeGreaterThan(0);
    const { rows } = await getPool().query<{ cause: string }>(
      `SELECT cause FROM layer_score WHERE "clusterId" = $1 AND layer IS NULL AND current`,
      [id],
    );
    expect(rows).toEqual([{ cause: expect.stringMatching(/^accepted risk changed during the scan: /) }]);
  });
});
