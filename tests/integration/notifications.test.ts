import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataOf } from "@/lib/contracts/envelope";
import { ZDelivery, ZNotificationSaved, ZNotificationSettingsView } from "@/lib/contracts/notifications";

import { loadScanModules, useOwnDatabase } from "../helpers/own-database";
import { expectJson, expectProblem } from "../helpers/parse-response";

// Notification settings are install-wide: a database of this file's own, so no other file's
// scans send to this receiver.
type Received = { headers: Record<string, string | string[] | undefined>; body: string };
const received: Received[] = [];
let answer = 200;
let receiver: Server;
let hookUrl = "";

let m: Awaited<ReturnType<typeof loadScanModules>> & {
  route: typeof import("@/app/api/settings/notifications/route");
  test: typeof import("@/app/api/settings/notifications/test/route");
  deliver: typeof import("@/lib/notify/deliver-webhook");
};

beforeAll(async () => {
  await useOwnDatabase("bulwark_notifications");
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/t0ken-in-the-path`;
  m = {
    route: await import("@/app/api/settings/notifications/route"),
    test: await import("@/app/api/settings/notifications/test/route"),
    deliver: await import("@/lib/notify/deliver-webhook"),
    ...(await loadScanModules()),
  };
});

afterAll(async () => {
  await m?.stopDemoServers();
  receiver?.close();
});

/** What a receiver does: recompute the signature over "<timestamp>.<body>" with the shared secret. */
function verified(r: Received, secret: string): boolean {
  const expected = `sha256=${createHmac("sha256", secret)
    .update(`${String(r.headers["x-bulwark-timestamp"])}.${r.body}`)
    .digest("hex")}`;
  return r.headers["x-bulwark-signature"] === expected;
}

describe("webhook notifications", () => {
  it("an admin sets a webhook; new findings of a later scan arrive signed, the baseline scan sends nothing", async () => {
    const { call, makeUser, signIn, APP } = m.auth;
    const admin = (await signIn((await makeUser("admin")).email)).cookie;
    const analyst = (await signIn((await makeUser("analyst")).email)).cookie;
    const put = (cookie: string, body: unknown) =>
      call(m.route.PUT, { method: "PUT", headers: { cookie, origin: APP }, body });

    expect((await put(analyst, { webhookUrl: hookUrl, minSeverity: "low" })).status).toBe(403);
    const metadata = await put(admin, { webhookUrl: "http://169.254.169.254/latest/meta-data", minSeverity: "low" });
    expect(metadata.status).toBe(400);
    expect(JSON.stringify(await expectProblem(metadata))).toContain("link-local");

    const saved = await put(admin, { webhookUrl: hookUrl, minSeverity: "low" });
    expect(saved.status).toBe(200);
    // A secret was issued, so this answer must carry it.
    const { secret, data } = await expectJson(saved, ZNotificationSaved.required({ secret: true }));
    expect(secret).toMatch(/^bwh_[\w-]{43}$/);
    expect(data).toStrictEqual({ webhookUrl: hookUrl, minSeverity: "low", hasSecret: true });
    // The secret is shown once; the stored row holds neither it nor the URL in the clear; the audit log keeps the host only.
    const again = await expectJson(
      await call(m.route.GET, { headers: { cookie: admin } }),
      dataOf(ZNotificationSettingsView),
    );
    expect(JSON.stringify(again)).not.toContain(secret);
    const row = JSON.stringify((await m.prisma.setting.findUniqueOrThrow({ where: { key: "notifications" } })).value);
    expect(row).not.toContain("t0ken-in-the-path");
    expect(row).not.toContain(secret);
    const audited = await m.prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.notifications_updated" } });
    expect(JSON.stringify(audited.details)).not.toContain("t0ken");
    expect(audited.details).toMatchObject({ host: "127.0.0.1", secretIssued: true });

    // "Send a test" reaches the receiver, signed.
    const test = await call(m.test.POST, { method: "POST", headers: { cookie: admin, origin: APP } });
    expect((await expectJson(test, dataOf(ZDelivery))).data).toStrictEqual({ ok: true, status: 200 });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers["x-bulwark-event"]).toBe("test");
    expect(verified(received[0]!, secret)).toBe(true);

    // A cluster's first scan is its baseline: nothing is sent. The next one sends what it opened.
    const clusterId = (await m.createCluster({ name: "notify-demo", source: "demo", isDemo: true })).id;
    const scan = async (demoState: 2 | 3, takenAt: Date) => {
      const s = await m.startSnapshot(clusterId, "manual", takenAt);
      await m.runSnapshot({ snapshotId: s.id, clusterId, seq: s.seq, takenAt, demoState });
      return s;
    };
    await scan(2, new Date(Date.now() - 86_400_000));
    expect(received).toHaveLength(1);
    const later = await scan(3, new Date());
    expect(received).toHaveLength(2);
    const event = received[1]!;
    expect(event.headers["x-bulwark-event"]).toBe("findings.new");
    expect(verified(event, secret)).toBe(true);
    expect(verified({ ...event, body: event.body.replace("notify-demo", "notify-demX") }, secret)).toBe(false);
    const body = JSON.parse(event.body) as {
      text: string;
      counts: Record<string, number>;
      cluster: { name: string };
      snapshot: { id: string };
      total: number;
      findings: { id: string; checkId: string; message: string; url: string }[];
    };
    const opened = await m.prisma.finding.findMany({
      where: { clusterId, firstSeq: later.seq, lastSeq: null },
      orderBy: { id: "asc" },
    });
    expect(opened.length).toBeGreaterThan(0);
    expect(body.cluster.name).toBe("notify-demo");
    expect(body.snapshot.id).toBe(later.id);
    expect(body.total).toBe(opened.length);
    expect(body.findings.map((f) => f.id).sort()).toStrictEqual(opened.map((f) => f.id.toString()).sort());
    expect(body.findings[0]!.url).toMatch(/\/findings\/\d+$/);
    const counts = Object.fromEntries(
      ["critical", "high", "medium", "low"]
        .map((s) => [s, opened.filter((f) => f.severity === s).length])
        .filter(([, n]) => n),
    );
    expect(body.counts).toStrictEqual(counts);
    // One line a chat tool shows as is: how many, of which severities, where, and a link to the snapshot.
    const summary = `Bulwark: ${opened.length} new finding${opened.length === 1 ? "" : "s"} (${Object.entries(counts)
      .map(([s, n]) => `${n} ${s}`)
      .join(", ")}) in cluster notify-demo: `;
    expect(body.text.startsWith(summary)).toBe(true);
    expect(body.text.endsWith(`/snapshots/${later.id}`)).toBe(true);
    expect(await m.prisma.auditEvent.count({ where: { action: "notification.sent", targetId: later.id } })).toBe(1);

    // A receiver that fails does not fail the scan: the attempt is retried, then recorded.
    answer = 503;
    const failing = await scan(2, new Date(Date.now() + 60_000));
    answer = 200;
    expect((await m.prisma.snapshot.findUniqueOrThrow({ where: { id: failing.id } })).status).toBe("succeeded");
    expect(received.slice(2).map((r) => r.headers["x-bulwark-event"])).toStrictEqual([
      "findings.new",
      "findings.new",
      "findings.new",
    ]);
    const failed = await m.prisma.auditEvent.findFirstOrThrow({
      where: { action: "notification.failed", targetId: failing.id },
    });
    expect(failed.details).toMatchObject({ status: 503, error: "answered 503" });
  });

  it("retries a failing receiver and reports how it answered; never sends to cloud metadata", async () => {
    answer = 503;
    const before = received.length;
    const result = await m.deliver.deliverWithRetry({ url: hookUrl, secret: "s" }, "test", {}, 3, 10);
    expect(result).toStrictEqual({ ok: false, status: 503, error: "answered 503" });
    expect(received.length - before).toBe(3);
    answer = 200;
    expect(await m.deliver.deliverWebhook({ url: "http://169.254.169.254/x", secret: "s" }, "test", {})).toMatchObject({
      ok: false,
      status: null,
      error: expect.stringContaining("link-local"),
    });
  });
});
