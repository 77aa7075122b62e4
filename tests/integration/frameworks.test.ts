import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";

import { POST as approveAttestationRoute } from "@/app/api/attestations/[id]/approve/route";
import { DELETE as revokeAttestationRoute } from "@/app/api/attestations/[id]/route";
import { POST as createAttestationRoute } from "@/app/api/attestations/route";
import { GET as exportCsv } from "@/app/api/frameworks/[id]/export.csv/route";
import { POST as approveRiskRoute } from "@/app/api/suppressions/[id]/approve/route";
import { DELETE as revokeRiskRoute } from "@/app/api/suppressions/[id]/route";
import { POST as proposeRiskRoute } from "@/app/api/suppressions/route";
import { ZApprovalCreated } from "@/lib/contracts/approvals";
import { getPrisma } from "@/lib/db/client";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { listAttestations } from "@/lib/db/frameworks/attestations";
import { listUnscannedClusters } from "@/lib/db/frameworks/list-unscanned-clusters";
import {
  listControlHistory,
  listFrameworkOverview,
  listLatestControls,
  tallyLatestControls,
} from "@/lib/db/frameworks/read-control-statuses";
import { saveControlStatuses } from "@/lib/db/frameworks/save-control-statuses";
import { FRAMEWORK_CSV_HEADER } from "@/lib/db/frameworks/stream-framework-csv";
import { getPool } from "@/lib/db/pool";
import { failSnapshot } from "@/lib/db/snapshots/fail-snapshot";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import { DEMO_STATE_DATES, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { controlStanding } from "@/lib/frameworks/control-standing";
import { evaluateFrameworks } from "@/lib/frameworks/evaluate-framework";
import { ALL_FRAMEWORKS, getFramework } from "@/lib/frameworks/registry";
import { summariseFramework } from "@/lib/frameworks/summarise-framework";
import { runSnapshot } from "@/lib/scans/run-snapshot";

import { APP, call, makeUser, signIn } from "../helpers/auth";
import { expectJson, expectProblem } from "../helpers/parse-response";

afterAll(() => stopDemoServers());

const CONTROLS = ALL_FRAMEWORKS.reduce((n, f) => n + f.controls.length, 0);

/** The demo cluster with its four dated states scanned, as a first start imports them. */
async function demoWithHistory(name: string) {
  const { id } = await createCluster({ name, source: "demo", isDemo: true });
  const snapshots = [];
  for (const [state, date] of DEMO_STATE_DATES.entries()) {
    const takenAt = new Date(date);
    const s = await startSnapshot(id, "import", takenAt);
    await runSnapshot({ snapshotId: s.id, clusterId: id, seq: s.seq, takenAt, demoState: state as DemoState });
    snapshots.push({ ...s, takenAt });
  }
  return { id, snapshots };
}

describe("framework statuses stored per snapshot", () => {
  it("keeps each snapshot's statuses, so the demo's history shows the CIS share rising", async () => {
    const { id, snapshots } = await demoWithHistory(`fw-demo-${Date.now()}`);
    const counts = await getPrisma().controlStatus.groupBy({
      by: ["snapshotId"],
      where: { clusterId: id },
      _count: true,
    });
    expect(counts.map((c) => c._count)).toStrictEqual([CONTROLS, CONTROLS, CONTROLS, CONTROLS]);

    const [cis] = await listFrameworkOverview("cis-kubernetes").then((rows) => rows.filter((r) => r.clusterId === id));
    const shares = cis!.trend.map((p) => p.summary.share!);
    expect(cis!.trend.map((p) => p.takenAt)).toStrictEqual(DEMO_STATE_DATES.map((d) => new Date(d).toISOString()));
    expect(shares.every((s, i) => i === 0 || s > shares[i - 1]!)).toBe(true);
    expect(shares.at(-1)!).toBeGreaterThan(shares[0]!);
    expect(cis!.latest.frameworkVersion).toBe("1.12.0+m2");

    // Every number equals the rows behind it.
    const latest = await listLatestControls("cis-kubernetes", { clusterId: id });
    expect(latest).toHaveLength(getFramework("cis-kubernetes")!.controls.length);
    expect(cis!.latest.summary.pass).toBe(latest.filter((c) => c.status === "pass").length);
    expect(cis!.latest.summary.fail).toBe(latest.filter((c) => c.status === "fail").length);

    // History is what each scan found: ci-bot held cluster-admin until the last state.
    // The fleet view's count per control and status is the latest statuses behind it, every cluster.
    // Other tests scan meanwhile: compared on reads taken together, until they agree.
    const disagreements = async () => {
      const [tally, everyLatest] = await Promise.all([
        tallyLatestControls("cis-kubernetes"),
        listLatestControls("cis-kubernetes"),
      ]);
      const wrong: string[] = [];
      for (const [controlId, rows] of Map.groupBy(everyLatest, (r) => r.controlId)) {
        const t = tally.get(controlId);
        const n = (status: string) => rows.filter((r) => r.status === status).length;
        const expected = {
          pass: n("pass"),
          fail: n("fail"),
          notEvaluated: n("not-evaluated"),
          manual: n("manual"),
          manualAttested: rows.filter((r) => r.status === "manual" && r.attested).length,
          notApplicable: n("not-applicable"),
        };
        if (JSON.stringify(t) !== JSON.stringify(expected)) wrong.push(controlId);
      }
      if (tally.size !== new Set(everyLatest.map((r) => r.controlId)).size) wrong.push("controls");
      return wrong;
    };
    let wrong = await disagreements();
    for (let i = 0; i < 5 && wrong.length; i++) wrong = await disagreements();
    expect(wrong).toStrictEqual([]);
    const demoTally = (await tallyLatestControls("cis-kubernetes")).get("5.1.1")!;
    expect(demoTally.pass).toBeGreaterThan(0);
    expect(controlStanding({ ...demoTally, fail: 2, notEvaluated: 1, pass: 1 })).toMatch(
      /^fails in 2 clusters · not evaluated in 1 cluster · passes in 1 cluster/,
    );
    expect(controlStanding(undefined)).toBe("no status (mapping changed)");

    // As runs of scans with one status: failing from the first scan through the third, then passing.
    const history = await listControlHistory("cis-kubernetes", "5.1.1", id);
    expect(history.map((h) => [h.fromSeq, h.toSeq, h.scans, h.status])).toStrictEqual([
      [1, 3, 3, "fail"],
      [4, 4, 1, "pass"],
    ]);
    expect(history.map((h) => [h.fromAt, h.toAt])).toStrictEqual([
      [snapshots[0]!.takenAt.toISOString(), snapshots[2]!.takenAt.toISOString()],
      [snapshots[3]!.takenAt.toISOString(), snapshots[3]!.takenAt.toISOString()],
    ]);
    const [privileged] = await listLatestControls("cis-kubernetes", { clusterId: id, controlId: "5.2.2" });
    expect(privileged!.failing.map((f) => f.resource.name).sort()).toStrictEqual(["debug-tools", "kube-proxy"]);
    expect(privileged!.failingCount).toBe(2);

    // A retried job rewrites the same rows, never duplicates them.
    const last = snapshots.at(-1)!;
    const frameworks = evaluateFrameworks({ results: [] });
    await saveControlStatuses({ snapshotId: last.id, clusterId: id, takenAt: last.takenAt }, frameworks);
    await saveControlStatuses({ snapshotId: last.id, clusterId: id, takenAt: last.takenAt }, frameworks);
    expect(await getPrisma().controlStatus.count({ where: { snapshotId: last.id } })).toBe(CONTROLS);
  });

  it("re-judges the latest snapshot's controls when an accepted risk is approved or revoked, as the scores are", async () => {
    const { id } = await demoWithHistory(`fw-risk-${Date.now()}`);
    const [analyst, admin] = await Promise.all([makeUser("analyst"), makeUser("admin")]);
    const as = async (u: { email: string }) => ({ cookie: (await signIn(u.email)).cookie, origin: APP });
    const hostPid = async () => (await listLatestControls("cis-kubernetes", { clusterId: id, controlId: "5.2.3" }))[0]!;
    // The overview's latest counts are those of the controls it links to, before and after each
    // change, and so is the line the fleet view counts (the letter of each control, in order).
    const overviewCountsTheControls = async () => {
      const controls = await listLatestControls("cis-kubernetes", { clusterId: id });
      expect(
        (await listFrameworkOverview("cis-kubernetes")).find((r) => r.clusterId === id)!.latest.summary,
      ).toStrictEqual(summariseFramework(controls.map((c) => ({ status: c.status, attested: c.attested === true }))));
      const { rows } = await getPool().query<{ controls: string[]; statuses: string }>(
        `SELECT controls, statuses FROM control_status_line WHERE "snapshotId" = $1 AND "frameworkId" = 'cis-kubernetes'`,
        [controls[0]!.snapshotId],
      );
      const letter = { pass: "p", fail: "f", "not-evaluated": "n", "not-applicable": "a", manual: "m" } as const;
      expect(rows).toStrictEqual([
        {
          controls: controls.map((c) => c.controlId),
          statuses: controls.map((c) => (c.status === "manual" && c.attested ? "M" : letter[c.status])).join(""),
        },
      ]);
    };
    await overviewCountsTheControls();
    // The debug pod of the last state shares the host's PID namespace.
    expect(await hostPid()).toMatchObject({ status: "fail", failingCount: 1 });
    const finding = await getPrisma().finding.findFirstOrThrow({
      where: { clusterId: id, checkId: "pod.host-namespaces", resourceName: "debug-tools", lastSeq: null },
    });
    const proposed = await call(proposeRiskRoute, {
      method: "POST",
      headers: await as(analyst),
      body: {
        findingId: String(finding.id),
        scope: "resource",
        reason: "incident response, removed this week",
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(proposed.status).toBe(201);
    const { id: riskId } = (await proposed.json()) as { id: string };
    // Proposed is not accepted: nothing moves until a second person approves.
    expect((await hostPid()).status).toBe("fail");
    expect(
      (await call(approveRiskRoute, { method: "POST", headers: await as(admin), params: { id: riskId } })).status,
    ).toBe(200);
    expect(await hostPid()).toMatchObject({ status: "pass", failingCount: 0, failing: [] });
    await overviewCountsTheControls();
    // Controls the risk does not cover keep their failures (kube-proxy still runs on the host network).
    expect((await listLatestControls("cis-kubernetes", { clusterId: id, controlId: "5.2.5" }))[0]!.status).toBe("fail");
    expect(
      (await call(revokeRiskRoute, { method: "DELETE", headers: await as(admin), params: { id: riskId } })).status,
    ).toBe(204);
    expect(await hostPid()).toMatchObject({ status: "fail", failingCount: 1 });
    await overviewCountsTheControls();
  });

  it("lists a cluster whose scans all failed as having no completed scan, with the latest failure, and one never scanned", async () => {
    const { id } = await createCluster({ name: `fw-failing-${Date.now()}`, source: "demo", isDemo: true });
    const { id: fresh } = await createCluster({ name: `fw-fresh-${Date.now()}`, source: "demo", isDemo: true });
    for (const error of [
      "cannot scan 10.0.0.1: connect ETIMEDOUT",
      "cannot scan 10.0.0.1: the API server refused the credentials (401 Unauthorized)",
    ]) {
      const s = await startSnapshot(id, "manual", new Date("2026-11-30T08:00:00Z"));
      await failSnapshot(s.id, error, {});
    }
    const listed = await listUnscannedClusters();
    expect(listed.find((u) => u.clusterId === id)?.why).toBe(
      "every scan failed; the latest (2026-11-30 08:00 UTC): cannot scan 10.0.0.1: the API server refused the credentials (401 Unauthorized)",
    );
    expect(listed.find((u) => u.clusterId === fresh)?.why).toBe("never scanned");
    // A cluster with a completed scan is on the overview with figures instead.
    const { id: scanned } = await demoWithHistory(`fw-ok-${Date.now()}`);
    expect(listed.concat(await listUnscannedClusters([scanned])).some((u) => u.clusterId === scanned)).toBe(false);
  });

  it("exports a framework for a cluster as CSV with the accepted risks in force, to analysts only", async () => {
    const { id, snapshots } = await demoWithHistory(`fw-csv-${Date.now()}`);
    const [author, approver, viewer] = await Promise.all([makeUser("analyst"), makeUser("admin"), makeUser("viewer")]);
    await getPrisma().suppression.create({
      data: {
        clusterId: id,
        checkId: "pod.privileged",
        namespace: "kube-system",
        reason: "=kube-proxy needs it",
        authorId: author.id,
        approverId: approver.id,
        status: "active",
        approvedAt: new Date("2026-07-01T00:00:00Z"),
        expiresAt: new Date("2027-01-31T00:00:00Z"),
      },
    });
    const path = `/api/frameworks/cis-kubernetes/export.csv?cluster=${id}`;
    const denied = await call(exportCsv, {
      path,
      params: { id: "cis-kubernetes" },
      headers: { cookie: (await signIn(viewer.email)).cookie },
    });
    expect(denied.status).toBe(403);

    const res = await call(exportCsv, {
      path,
      params: { id: "cis-kubernetes" },
      headers: { cookie: (await signIn(author.email)).cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="bulwark-cis-kubernetes-fw-csv-\d+-\d{8}-\d{6}Z\.csv"$/,
    );
    const [header, ...rows] = parse(await res.text()) as string[][];
    expect(header).toStrictEqual(FRAMEWORK_CSV_HEADER);
    expect(rows.map((r) => r[0])).toStrictEqual(getFramework("cis-kubernetes")!.controls.map((c) => c.id));
    const row = (control: string) =>
      Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === control)![i]]));
    expect(row("5.2.2")).toMatchObject({
      status: "fail",
      failing_resources: "2",
      snapshot: String(snapshots.at(-1)!.seq),
      snapshot_time: "2026-11-02T06:00:00Z",
      framework_version: "1.12.0+m2",
    });
    expect(row("5.2.2").accepted_risks).toBe(
      `pod.privileged in kube-system: =kube-proxy needs it (by ${author.email}, approved by ${approver.email}, until 2027-01-31T00:00:00Z)`,
    );
    expect(Number(row("5.2.2").resources_evaluated)).toBeGreaterThan(2);
    expect(row("1.2.2")).toMatchObject({ status: "manual", accepted_risks: "" });
    expect(row("1.2.2").reason_or_evidence_needed).toContain("no --token-auth-file");

    const earlier = await call(exportCsv, {
      path: `${path}&snapshot=${snapshots[0]!.id}`,
      params: { id: "cis-kubernetes" },
      headers: { cookie: (await signIn(author.email)).cookie },
    });
    const [, ...first] = parse(await earlier.text()) as string[][];
    expect(first.find((r) => r[0] === "5.1.1")!.slice(3, 4)).toStrictEqual(["fail"]);
    expect(first[0]![8]).toBe("2026-08-03T06:00:00Z");
    // Read from the demo's kube-apiserver static pod and the scanner's own unauthenticated request (the cluster):
    // anonymous auth was turned off in its second state.
    expect(row("1.2.1")).toMatchObject({ status: "pass", failing_resources: "0", resources_evaluated: "2" });
    expect(first.find((r) => r[0] === "1.2.1")![3]).toBe("fail");

    const unknown = await call(exportCsv, {
      path,
      params: { id: "cis" },
      headers: { cookie: (await signIn(author.email)).cookie },
    });
    expect(unknown.status).toBe(400);

    const other = await createCluster({ name: `fw-csv-other-${Date.now()}`, source: "demo", isDemo: true });
    const othersSnapshot = await startSnapshot(other.id, "manual");
    for (const snapshot of ["does-not-exist", othersSnapshot.id]) {
      const missing = await call(exportCsv, {
        path: `${path}&snapshot=${snapshot}`,
        params: { id: "cis-kubernetes" },
        headers: { cookie: (await signIn(author.email)).cookie },
      });
      expect(missing.status).toBe(404);
      expect((await expectProblem(missing)).detail).toContain(snapshot);
    }
  });
});

describe("attestations of manual controls", () => {
  const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const attested = async (snapshotId: string, controlId: string) =>
    (await getPrisma().controlStatus.findFirst({ where: { snapshotId, frameworkId: "cis-kubernetes", controlId } }))!
      .attested;
  async function scanAt(clusterId: string, takenAt: Date) {
    const s = await startSnapshot(clusterId, "manual", takenAt);
    await runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState: 3 });
    return s.id;
  }

  it("attest a manual control, need a second person for a critical one, are audited, and stop counting once expired or revoked", async () => {
    const { id } = await createCluster({ name: `fw-attest-${Date.now()}`, source: "demo", isDemo: true });
    const [alice, bob, viewer] = await Promise.all([makeUser("analyst"), makeUser("analyst"), makeUser("viewer")]);
    const as = async (user: { email: string }) => ({ cookie: (await signIn(user.email)).cookie, origin: APP });
    const attest = async (user: { email: string }, body: Record<string, unknown>) =>
      call(createAttestationRoute, { method: "POST", path: "/api/attestations", headers: await as(user), body });
    const base = {
      frameworkId: "cis-kubernetes",
      clusterId: id,
      note: "kube-apiserver manifest reviewed on cp-1: --token-auth-file absent",
      expiresAt: tomorrow(),
    };

    expect((await attest(viewer, { ...base, controlId: "1.2.2" })).status).toBe(403);
    const automated = await attest(alice, { ...base, controlId: "5.2.2" });
    expect(automated.status).toBe(400);
    expect((await expectProblem(automated)).detail).toBe(
      "Only manual controls are attested: this one is judged by its checks.",
    );

    const plain = await attest(alice, { ...base, controlId: "1.2.2" });
    expect(plain.status).toBe(201);
    expect(await expectJson(plain, ZApprovalCreated)).toMatchObject({ status: "active" });
    const critical = await attest(alice, {
      ...base,
      controlId: "1.2.28",
      note: "EncryptionConfiguration on cp-1 lists kms v2 first for secrets",
    });
    const { id: criticalId, status } = await expectJson(critical, ZApprovalCreated);
    expect(status).toBe("pending");

    // Pending is not attested; the author cannot approve their own.
    const first = await scanAt(id, new Date());
    expect([
      await attested(first, "1.2.2"),
      await attested(first, "1.2.28"),
      await attested(first, "1.2.3"),
    ]).toStrictEqual([true, false, false]);
    const self = await call(approveAttestationRoute, {
      method: "POST",
      path: `/api/attestations/${criticalId}/approve`,
      params: { id: criticalId },
      headers: await as(alice),
    });
    expect(self.status).toBe(403);
    const approved = await call(approveAttestationRoute, {
      method: "POST",
      path: `/api/attestations/${criticalId}/approve`,
      params: { id: criticalId },
      headers: await as(bob),
    });
    expect(approved.status).toBe(200);
    const second = await scanAt(id, new Date());
    expect(await attested(second, "1.2.28")).toBe(true);

    // The day after tomorrow both have expired: not attested, marked expired, audited.
    const later = await scanAt(id, new Date(Date.now() + 3 * 86_400_000));
    expect([await attested(later, "1.2.2"), await attested(later, "1.2.28")]).toStrictEqual([false, false]);
    const listed = await listAttestations({ frameworkId: "cis-kubernetes" });
    expect(listed.filter((a) => a.clusterId === id).map((a) => [a.controlId, a.status, a.approver])).toStrictEqual([
      ["1.2.28", "expired", bob.email],
      ["1.2.2", "expired", null],
    ]);
    const events = await getPrisma().auditEvent.findMany({
      where: { targetId: { in: listed.filter((a) => a.clusterId === id).map((a) => a.id) } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorEmail])).toStrictEqual([
      ["attestation.created", alice.email],
      ["attestation.created", alice.email],
      ["attestation.approved", bob.email],
      ["attestation.expired", null],
      ["attestation.expired", null],
    ]);

    // Revoked: not attested from the next snapshot; the CSV of the one before names who attested and until when.
    const again = await expectJson(await attest(bob, { ...base, controlId: "1.2.3" }), ZApprovalCreated);
    const before = await scanAt(id, new Date());
    expect(await attested(before, "1.2.3")).toBe(true);
    expect(
      (
        await call(revokeAttestationRoute, {
          method: "DELETE",
          path: `/api/attestations/${again.id}`,
          params: { id: again.id },
          headers: await as(alice),
        })
      ).status,
    ).toBe(204);
    expect(await attested(await scanAt(id, new Date()), "1.2.3")).toBe(false);
    const csv = await call(exportCsv, {
      path: `/api/frameworks/cis-kubernetes/export.csv?cluster=${id}&snapshot=${before}`,
      params: { id: "cis-kubernetes" },
      headers: await as(bob),
    });
    const [header, ...rows] = parse(await csv.text()) as string[][];
    const row = rows.find((r) => r[0] === "1.2.3")!;
    expect(row[header!.indexOf("attestations")]).toMatch(
      new RegExp(
        `^kube-apiserver manifest reviewed on cp-1: --token-auth-file absent \\(by ${bob.email.replace(/[.]/g, "\\.")} on \\d{4}-\\d{2}-\\d{2}T[\\d:]{8}Z, approved by -, until ${tomorrow()}T23:59:59Z\\)$`,
      ),
    );
  });

  it("a critical attestation past its expiry cannot be approved; approvals and revocations are audited with framework, control and cluster", async () => {
    const { id: clusterId } = await createCluster({
      name: `fw-attest-expired-${Date.now()}`,
      source: "demo",
      isDemo: true,
    });
    const [alice, bob] = await Promise.all([makeUser("analyst"), makeUser("analyst")]);
    const as = async (user: { email: string }) => ({ cookie: (await signIn(user.email)).cookie, origin: APP });
    const body = {
      frameworkId: "cis-kubernetes",
      controlId: "1.2.28",
      clusterId,
      note: "EncryptionConfiguration on cp-1 lists kms v2 first for secrets",
      expiresAt: tomorrow(),
    };
    const pending = async () =>
      (
        await expectJson(
          await call(createAttestationRoute, { method: "POST", headers: await as(alice), body }),
          ZApprovalCreated,
        )
      ).id;
    const approve = async (id: string) =>
      call(approveAttestationRoute, { method: "POST", params: { id }, headers: await as(bob) });

    const stale = await pending();
    // Its last day passes while it waits for the second person.
    await getPrisma().attestation.update({ where: { id: stale }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const refused = await approve(stale);
    expect(refused.status).toBe(409);
    expect((await expectProblem(refused)).detail).toMatch(
      /^This attestation expired on \d{4}-\d{2}-\d{2}: attest the control again with a new expiry\.$/,
    );
    expect((await getPrisma().attestation.findUniqueOrThrow({ where: { id: stale } })).approvedAt).toBeNull();

    const fresh = await pending();
    expect((await approve(fresh)).status).toBe(200);
    expect(
      (await call(revokeAttestationRoute, { method: "DELETE", params: { id: fresh }, headers: await as(alice) }))
        .status,
    ).toBe(204);
    const events = await getPrisma().auditEvent.findMany({
      where: { targetId: fresh, action: { in: ["attestation.approved", "attestation.revoked"] } },
      orderBy: { id: "asc" },
    });
    const about = { frameworkId: "cis-kubernetes", controlId: "1.2.28", clusterId };
    expect(events.map((e) => [e.action, e.actorEmail, e.details])).toStrictEqual([
      ["attestation.approved", bob.email, about],
      ["attestation.revoked", alice.email, about],
    ]);
  });
});
