import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataOf } from "@/lib/contracts/envelope";
import { ZCheckSettingsUpdate, ZCheckSettingsView } from "@/lib/contracts/settings";

import { loadScanModules, useOwnDatabase } from "../helpers/own-database";
import { expectJson, expectProblem } from "../helpers/parse-response";

// Check settings are install-wide, so this file has a database of its own: the scans of other
// test files must not see them change.
const DB = "bulwark_check_settings";
let m: Awaited<ReturnType<typeof loadScanModules>> & { route: typeof import("@/app/api/settings/checks/route") };

beforeAll(async () => {
  await useOwnDatabase(DB);
  m = { route: await import("@/app/api/settings/checks/route"), ...(await loadScanModules()) };
});

afterAll(async () => {
  await m?.stopDemoServers();
});

async function scan(clusterId: string, takenAt: Date) {
  const s = await m.startSnapshot(clusterId, "manual", takenAt);
  await m.runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState: 3 });
}
const open = (clusterId: string, checkId: string) =>
  m.prisma.finding.findMany({ where: { clusterId, checkId, lastSeq: null } });

describe("check settings", () => {
  it("an admin changes them, the change is audited, and the next scan follows them", async () => {
    const { call, makeUser, signIn, APP } = m.auth;
    const viewer = (await signIn((await makeUser("viewer")).email)).cookie;
    const analyst = (await signIn((await makeUser("analyst")).email)).cookie;
    const adminUser = await makeUser("admin");
    const admin = (await signIn(adminUser.email)).cookie;

    const initial = await expectJson(await call(m.route.GET, { headers: { cookie: viewer } }), ZCheckSettingsView);
    expect(initial.data).toStrictEqual(initial.defaults);

    const clusterId = (await m.createCluster({ name: "settings-demo", source: "demo", isDemo: true })).id;
    const day = 86_400_000;
    await scan(clusterId, new Date(Date.now() - day));
    expect((await open(clusterId, "container.image-not-pinned")).length).toBeGreaterThan(0);
    expect(new Set((await open(clusterId, "pod.probes-missing")).map((f) => f.severity))).toStrictEqual(
      new Set(["low"]),
    );

    const settings = {
      ...initial.data,
      disabledChecks: ["container.image-not-pinned"],
      severityOverrides: { "pod.probes-missing": "high" },
      allowedRegistries: ["registry.example.com"],
    };
    const put = (cookie: string, body: unknown) =>
      call(m.route.PUT, { method: "PUT", headers: { cookie, origin: APP }, body });
    expect((await put(analyst, settings)).status).toBe(403);
    const unknown = await put(admin, { ...settings, disabledChecks: ["pod.no-such-check"] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await expectProblem(unknown))).toContain("no check has the id pod.no-such-check");

    const saved = await put(admin, settings);
    expect(saved.status).toBe(200);
    expect((await expectJson(saved, dataOf(ZCheckSettingsUpdate))).data).toStrictEqual(settings);
    const event = await m.prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.checks_updated" } });
    expect(event.actorEmail).toBe(adminUser.email);
    expect(Object.keys((event.details as { changes: object }).changes).sort()).toStrictEqual([
      "allowedRegistries",
      "disabledChecks",
      "severityOverrides",
    ]);

    await scan(clusterId, new Date());
    // Switched off: its findings close, and it is left out of the score.
    expect(await open(clusterId, "container.image-not-pinned")).toStrictEqual([]);
    // A severity override applies to the findings it already had.
    expect(new Set((await open(clusterId, "pod.probes-missing")).map((f) => f.severity))).toStrictEqual(
      new Set(["high"]),
    );
    // With an allow list, every image from elsewhere is named with its registry.
    const registries = await open(clusterId, "container.untrusted-registry");
    expect(registries.length).toBeGreaterThan(0);
    expect(registries.every((f) => f.message.endsWith("which is not an allowed registry"))).toBe(true);
  });
});
