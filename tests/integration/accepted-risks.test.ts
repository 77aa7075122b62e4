import { afterAll, describe, expect, it } from "vitest";

import { POST as approveRoute } from "@/app/api/suppressions/[id]/approve/route";
import { POST as createRoute } from "@/app/api/suppressions/route";
import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { ZFindingListQuery } from "@/lib/contracts/findings";
import { getPrisma } from "@/lib/db/client";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { listFindings } from "@/lib/db/findings/list-findings";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import { runSnapshot } from "@/lib/scans/run-snapshot";

import { APP, call, makeUser, signIn } from "../helpers/auth";
import { expectJson } from "../helpers/parse-response";

afterAll(async () => {
  await stopDemoServers();
});

const DAY = 86_400_000;

async function scan(clusterId: string, takenAt: Date) {
  const s = await startSnapshot(clusterId, "manual", takenAt);
  await runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState: 3 });
  const scores = await getPrisma().layerScore.findMany({ where: { snapshotId: s.id } });
  const overall = scores.find((l) => l.layer === null)!;
  return { overall, container: scores.find((l) => l.layer === "container")! };
}

describe("accepted risks, end to end", () => {
  it("an analyst proposes, a second analyst approves, the score rises at once, and expiry brings the finding back", async () => {
    const clusterId = (await createCluster({ name: `risk-${Date.now()}`, source: "demo", isDemo: true })).id;
    const now = Date.now();
    const first = await scan(clusterId, new Date(now - 2 * DAY));

    // The high finding: the hostile-image workload pulls an image without a version tag.
    const page = await listFindings(
      ZFindingListQuery.parse({ cluster: clusterId, check: "container.image-tag-latest", namespace: "playground" }),
    );
    const finding = page.data[0]!;
    expect(finding.severity).toBe("high");

    const alice = await makeUser("analyst", "alice");
    const bob = await makeUser("analyst", "bob");
    const aliceCookie = (await signIn(alice.email)).cookie;
    const bobCookie = (await signIn(bob.email)).cookie;
    const expiresAt = new Date(now + 10 * DAY).toISOString();
    const proposed = await call(createRoute, {
      method: "POST",
      headers: { cookie: aliceCookie, origin: APP },
      body: {
        findingId: finding.id,
        scope: "resource",
        reason: "Importer is air-gapped; tag pinned in Q1 (owner: data team)",
        expiresAt,
      },
    });
    expect(proposed.status).toBe(201);
    const { id, status } = await expectJson(proposed, ZApprovalCreated);
    expect(status).toBe("pending");

    // Pending changes nothing; the author cannot approve their own.
    const pendingScan = await scan(clusterId, new Date(now - DAY));
    expect(pendingScan.overall.score).toBe(first.overall.score);
    expect(
      (await call(approveRoute, { method: "POST", headers: { cookie: aliceCookie, origin: APP }, params: { id } }))
        .status,
    ).toBe(403);
    expect(
      (await call(approveRoute, { method: "POST", headers: { cookie: bobCookie, origin: APP }, params: { id } }))
        .status,
    ).toBe(200);

    // Approved: the finding shows as suppressed, and the next snapshot scores it as passing.
    const suppressed = await listFindings(ZFindingListQuery.parse({ cluster: clusterId, status: "suppressed" }));
    expect(suppressed.data.map((f) => f.id)).toEqual([finding.id]);
    expect(suppressed.data[0]).toMatchObject({
      suppressionReason: expect.stringContaining("air-gapped"),
      suppressionApprover: bob.email,
    });
    const approvedScan = await scan(clusterId, new Date());
    expect(approvedScan.overall.score!).toBeGreaterThan(first.overall.score!);
    expect(approvedScan.container.suppressed).toBe(1);

    // Eleven days on, it has expired: the finding counts again and the score steps back.
    const expiredScan = await scan(clusterId, new Date(now + 11 * DAY));
    expect(expiredScan.overall.score).toBe(first.overall.score);
    expect(expiredScan.container.suppressed).toBe(0);
    expect((await getPrisma().suppression.findUnique({ where: { id } }))!.status).toBe("expired");

    // The trend holds the step: up at approval (a re-score of the latest snapshot), held by the next scan, down at expiry.
    const trend = await getPrisma().layerScore.findMany({
      where: { clusterId, layer: null },
      orderBy: { takenAt: "asc" },
      select: { score: true, cause: true },
    });
    expect(trend).toEqual([
      { score: first.overall.score, cause: null },
      { score: first.overall.score, cause: null },
      { score: approvedScan.overall.score, cause: "accepted risk approved: container.image-tag-latest" },
      { score: approvedScan.overall.score, cause: null },
      { score: first.overall.score, cause: null },
    ]);

    // Each step is in the audit log.
    const events = await getPrisma().auditEvent.findMany({
      where: { targetId: id },
      orderBy: { id: "asc" },
      select: { action: true, actorEmail: true },
    });
    expect(events).toEqual([
      { action: "suppression.created", actorEmail: alice.email },
      { action: "suppression.approved", actorEmail: bob.email },
      { action: "suppression.expired", actorEmail: null },
    ]);
  });

  it("refuses an expiry beyond a year, and activates a medium finding's exemption at once", async () => {
    const clusterId = (await createCluster({ name: `risk-b-${Date.now()}`, source: "demo", isDemo: true })).id;
    await scan(clusterId, new Date());
    const analyst = await makeUser("analyst");
    const cookie = (await signIn(analyst.email)).cookie;
    const medium = (await listFindings(ZFindingListQuery.parse({ cluster: clusterId, severity: "medium" }))).data[0]!;
    const tooLong = await call(createRoute, {
      method: "POST",
      headers: { cookie, origin: APP },
      body: {
        findingId: medium.id,
        scope: "cluster",
        reason: "Accepted for the whole cluster",
        expiresAt: new Date(Date.now() + 400 * DAY).toISOString(),
      },
    });
    expect(tooLong.status).toBe(400);
    const ok = await call(createRoute, {
      method: "POST",
      headers: { cookie, origin: APP },
      body: {
        findingId: medium.id,
        scope: "cluster",
        reason: "Accepted for the whole cluster",
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expect((await expectJson(ok, ZApprovalCreated)).status).toBe("active");
    const viewer = await makeUser("viewer");
    const refused = await call(createRoute, {
      method: "POST",
      headers: { cookie: (await signIn(viewer.email)).cookie, origin: APP },
      body: {
        findingId: medium.id,
        scope: "cluster",
        reason: "A viewer may not do this",
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expect(refused.status).toBe(403);
  });
});
