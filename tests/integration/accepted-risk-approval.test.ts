import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { ZCheckSettingsView } from "@/lib/contracts/settings";
import { ZSuppressionPage } from "@/lib/contracts/suppressions";

import { loadScanModules, useOwnDatabase } from "../helpers/own-database";
import { expectJson, expectProblem } from "../helpers/parse-response";

// Severity overrides are install-wide check settings: a database of this file's own.
let m: Awaited<ReturnType<typeof loadScanModules>> & {
  settings: typeof import("@/app/api/settings/checks/route");
  create: typeof import("@/app/api/suppressions/route");
  change: typeof import("@/app/api/suppressions/[id]/route");
  approve: typeof import("@/app/api/suppressions/[id]/approve/route");
};
const DAY = 86_400_000;
let clusterId = "";
const cookies: Record<"alice" | "bob" | "admin" | "admin2", string> = { alice: "", bob: "", admin: "", admin2: "" };

beforeAll(async () => {
  await useOwnDatabase("bulwark_accepted_risk_approval");
  m = {
    settings: await import("@/app/api/settings/checks/route"),
    create: await import("@/app/api/suppressions/route"),
    change: await import("@/app/api/suppressions/[id]/route"),
    approve: await import("@/app/api/suppressions/[id]/approve/route"),
    ...(await loadScanModules()),
  };
  const { makeUser, signIn } = m.auth;
  for (const [who, role] of [
    ["alice", "analyst"],
    ["bob", "analyst"],
    ["admin", "admin"],
    ["admin2", "admin"],
  ] as const)
    cookies[who] = (await signIn((await makeUser(role, who)).email)).cookie;
  clusterId = (await m.createCluster({ name: "approval-demo", source: "demo", isDemo: true })).id;
});
afterAll(async () => {
  await m?.stopDemoServers();
});

async function scan() {
  const takenAt = new Date();
  const s = await m.startSnapshot(clusterId, "manual", takenAt);
  await m.runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState: 3 });
}
const as = (who: keyof typeof cookies) => ({ cookie: cookies[who], origin: m.auth.APP });
async function propose(who: keyof typeof cookies, checkId: string, scope = "resource") {
  const finding = await m.prisma.finding.findFirstOrThrow({ where: { clusterId, checkId, lastSeq: null } });
  const res = await m.auth.call(m.create.POST, {
    method: "POST",
    headers: as(who),
    body: {
      findingId: String(finding.id),
      scope,
      reason: "Accepted while the vendor ships a fix",
      expiresAt: new Date(Date.now() + 10 * DAY).toISOString(),
    },
  });
  expect(res.status).toBe(201);
  return expectJson(res, ZApprovalCreated);
}
const patch = (who: keyof typeof cookies, id: string, body: object) =>
  m.auth.call(m.change.PATCH, { method: "PATCH", headers: as(who), params: { id }, body });
const approve = (who: keyof typeof cookies, id: string) =>
  m.auth.call(m.approve.POST, { method: "POST", headers: as(who), params: { id } });
const statusOf = async (id: string) => (await m.prisma.suppression.findUniqueOrThrow({ where: { id } })).status;

describe("the two-person rule for critical and high accepted risks", () => {
  it("an admin who changed someone's pending proposal cannot approve it; a third person can", async () => {
    await scan();
    const { id, status } = await propose("alice", "container.image-tag-latest"); // high
    expect(status).toBe("pending");
    expect((await patch("admin", id, { reason: "Reworded by the admin before approving it" })).status).toBe(200);
    const refused = await approve("admin", id);
    expect(refused.status).toBe(403);
    expect((await expectProblem(refused)).detail).toMatch(/changed it last/);
    expect(await statusOf(id)).toBe("pending");
    expect((await approve("alice", id)).status).toBe(403); // the author neither
    expect((await approve("bob", id)).status).toBe(200);
    expect(await statusOf(id)).toBe("active");
  });

  it("a proposal past its expiry cannot be approved into force", async () => {
    const { id, status } = await propose("alice", "container.image-tag-latest", "namespace");
    expect(status).toBe("pending");
    await m.prisma.suppression.update({ where: { id }, data: { expiresAt: new Date(Date.now() - DAY) } });
    const refused = await approve("bob", id);
    expect(refused.status).toBe(409);
    expect((await expectProblem(refused)).detail).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    expect(await statusOf(id)).toBe("pending");
  });

  it("uses the overridden severity at creation and at every change: an extended expiry of an overridden-critical rule needs approval again", async () => {
    const current = (await expectJson(await m.auth.call(m.settings.GET, { headers: as("admin") }), ZCheckSettingsView))
      .data;
    // pod.probes-missing is low in the catalog; this install makes it critical, and container.image-tag-latest (high) low.
    const put = await m.auth.call(m.settings.PUT, {
      method: "PUT",
      headers: as("admin"),
      body: {
        ...current,
        severityOverrides: { "pod.probes-missing": "critical", "container.image-tag-latest": "low" },
      },
    });
    expect(put.status).toBe(200);
    await scan();

    const critical = await propose("alice", "pod.probes-missing");
    expect(critical.status).toBe("pending");
    expect((await approve("bob", critical.id)).status).toBe(200);
    expect(
      (await patch("alice", critical.id, { expiresAt: new Date(Date.now() + 300 * DAY).toISOString() })).status,
    ).toBe(200);
    expect(await statusOf(critical.id)).toBe("pending");
    expect((await approve("bob", critical.id)).status).toBe(200);

    // Lowered by override: active at once, and a change keeps it active.
    const lowered = await propose("alice", "container.image-tag-latest", "namespace");
    expect(lowered.status).toBe("active");
    expect((await patch("alice", lowered.id, { reason: "Still accepted after review this week" })).status).toBe(200);
    expect(await statusOf(lowered.id)).toBe("active");

    // The list shows the severity that was applied.
    const list = await expectJson(await m.auth.call(m.create.GET, { headers: as("bob") }), ZSuppressionPage);
    expect(list.data.find((s) => s.id === critical.id)!.severity).toBe("critical");
    expect(list.data.find((s) => s.id === lowered.id)!.severity).toBe("low");
    // A page at a time, newest first, with the number of them all (other tests add rules meanwhile: at least).
    const page = (q: string) =>
      m.auth
        .call(m.create.GET, { headers: as("bob"), path: `/api/suppressions?${q}` })
        .then((r) => expectJson(r, ZSuppressionPage));
    const [one, beyond] = await Promise.all([page("limit=1"), page("limit=500&page=100000")]);
    expect(one.data).toHaveLength(1);
    expect(beyond.data).toEqual([]);
    expect(Math.min(one.total, beyond.total)).toBeGreaterThanOrEqual(list.data.length);
    expect(list.data.length).toBe(Math.min(100, list.total));
  });
});
