import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { GET as exportCsv } from "@/app/api/findings/export.csv/route";
import { GET as listRoute } from "@/app/api/findings/route";
import { ZFindingListQuery, type FindingListQuery, type FindingRow } from "@/lib/contracts/findings";
import { getPrisma } from "@/lib/db/client";
import { listFindings } from "@/lib/db/findings/list-findings";
import { CSV_HEADER, streamFindingsCsv } from "@/lib/db/findings/stream-findings-csv";
import { getPool } from "@/lib/db/pool";

import { call, makeUser, signIn } from "../helpers/auth";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const LAYERS = ["node", "network", "secrets", "pod", "container"] as const;
const HOSTILE = '=HYPERLINK("http://evil.example","click")';
const SCRIPT = "<script>alert(1)</script>";
let clusterId = "";

const query = (q: Record<string, string | number>): FindingListQuery =>
  ZFindingListQuery.parse({ cluster: clusterId, ...q });

async function walk(q: Record<string, string | number>): Promise<FindingRow[]> {
  const all: FindingRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFindings(query({ ...q, ...(cursor ? { cursor } : {}) }));
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  const prisma = getPrisma();
  const cluster = await prisma.cluster.create({
    data: { name: `browse-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
  });
  clusterId = cluster.id;
  await prisma.snapshot.create({
    data: {
      id: `snp_${randomUUID()}`,
      clusterId,
      seq: 2,
      status: "succeeded",
      trigger: "manual",
      startedAt: new Date("2026-11-20T06:00:00Z"),
      finishedAt: new Date("2026-11-20T06:01:00Z"),
    },
  });
  // 237 lifetimes over every layer and severity; every 10th resolved; two with hostile names.
  await prisma.finding.createMany({
    data: Array.from({ length: 237 }, (_, i) => ({
      clusterId,
      fingerprint: `fp-${i}`,
      checkId: i % 2 ? "pod.run-as-non-root" : "container.read-only-root-fs",
      layer: LAYERS[i % 5]!,
      severity: SEVERITIES[i % 4]!,
      resourceKind: i % 3 ? "Deployment" : "DaemonSet",
      namespace: `ns-${i % 7}`,
      resourceName: i === 5 ? HOSTILE : i === 6 ? SCRIPT : `app-${i}`,
      container: i % 4 ? "main" : "",
      message: i === 7 ? "-1+1 looks like a formula" : `finding number ${i}`,
      firstSeq: 1,
      lastSeq: i % 10 === 0 ? 2 : null,
      firstSeenAt: new Date(Date.UTC(2026, 10, 1 + (i % 20), 6)),
      lastSeenAt: i % 10 === 0 ? new Date("2026-11-20T06:00:00Z") : null,
      resolvedAt: i % 10 === 0 ? new Date("2026-11-21T06:00:00Z") : null,
    })),
  });
});

describe("findings browser", () => {
  it("filters by layer, severity and status on the server", async () => {
    const rows = await walk({ layer: "pod,network", severity: "critical", status: "open", limit: 25 });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((r) => ["pod", "network"].includes(r.layer) && r.severity === "critical" && r.status === "open"),
    ).toBe(true);
    const expected = await getPrisma().finding.count({
      where: { clusterId, layer: { in: ["pod", "network"] }, severity: "critical", lastSeq: null },
    });
    expect(rows).toHaveLength(expected);
  });

  it("walks every page of every sort exactly once, in order", async () => {
    for (const sort of ["severity", "newest", "oldest", "resource"] as const) {
      const rows = await walk({ status: "all", sort, limit: 25 });
      expect(rows).toHaveLength(237);
      expect(new Set(rows.map((r) => r.id)).size).toBe(237);
      const order = rows.map((r) =>
        sort === "severity"
          ? SEVERITIES.indexOf(r.severity as never)
          : sort === "resource"
            ? `${r.namespace}/${r.resourceName}`
            : r.firstSeenAt,
      );
      const sorted = [...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(order).toEqual(sort === "newest" ? sorted.reverse() : sorted);
    }
  });

  it("walks back from the last page with Previous to the first, showing each page as it was", async () => {
    for (const sort of ["severity", "newest", "resource"] as const) {
      const forward: FindingRow[][] = [];
      let page = await listFindings(query({ status: "all", sort, limit: 25 }));
      expect(page.prevCursor).toBeNull();
      forward.push(page.data);
      while (page.nextCursor) {
        page = await listFindings(query({ status: "all", sort, limit: 25, cursor: page.nextCursor }));
        forward.push(page.data);
      }
      expect(forward).toHaveLength(10); // 237 rows
      const backward: FindingRow[][] = [page.data];
      while (page.prevCursor) {
        page = await listFindings(query({ status: "all", sort, limit: 25, before: page.prevCursor }));
        backward.unshift(page.data);
        expect(page.nextCursor).not.toBeNull();
      }
      expect(backward.map((p) => p.map((r) => r.id))).toStrictEqual(forward.map((p) => p.map((r) => r.id)));
    }
    expect(() => ZFindingListQuery.parse({ cursor: "a", before: "b" })).toThrow(
      /either after one cursor or before another/,
    );
  });

  it("searches text in names, namespaces and messages, literally (no LIKE wildcards)", async () => {
    expect((await walk({ q: "number 123", status: "all" })).map((r) => r.resourceName)).toEqual(["app-123"]);
    expect(await walk({ q: "%", status: "all" })).toHaveLength(0);
    expect((await walk({ q: "<script>", status: "all" }))[0]!.resourceName).toBe(SCRIPT);
  });

  it("limits by first-seen day range and by namespace and kind", async () => {
    const rows = await walk({
      from: "2026-11-03",
      to: "2026-11-04",
      namespace: "ns-2",
      kind: "Deployment",
      status: "all",
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every(
        (r) =>
          r.firstSeenAt >= "2026-11-03" &&
          r.firstSeenAt < "2026-11-05" &&
          r.namespace === "ns-2" &&
          r.resourceKind === "Deployment",
      ),
    ).toBe(true);
  });

  it("answers 400 to a forged cursor and to an unknown filter value", async () => {
    const analyst = await makeUser("viewer");
    const { cookie } = await signIn(analyst.email);
    expect((await call(listRoute, { path: `/api/findings?cursor=bm9wZQ`, headers: { cookie } })).status).toBe(400);
    expect((await call(listRoute, { path: `/api/findings?severity=catastrophic`, headers: { cookie } })).status).toBe(
      400,
    );
    expect(
      (await call(listRoute, { path: `/api/findings?cluster=${clusterId}&layer=pod`, headers: { cookie } })).status,
    ).toBe(200);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("CSV export", () => {
  it("has the header, one row per finding, and neutralised formula cells", async () => {
    const text = await readAll(await streamFindingsCsv(ZFindingListQuery.parse({ cluster: clusterId, status: "all" })));
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(238);
    const byName = new Map(rows.slice(1).map((r) => [r[9], r]));
    expect(byName.has(HOSTILE)).toBe(false);
    expect(byName.get(`'${HOSTILE}`)).toBeDefined();
    expect(byName.get(SCRIPT)).toBeDefined(); // text in a CSV, not markup
    expect(rows.find((r) => r[11] === "'-1+1 looks like a formula")).toBeDefined();
    const resolved = rows.find((r) => r[6] === "resolved")!;
    expect(resolved[14]).toBe("2026-11-21T06:00:00.000Z");
  });

  it("is refused to a viewer, and an analyst gets a file named after the cluster and the time", async () => {
    const viewer = await makeUser("viewer");
    const analyst = await makeUser("analyst");
    const path = `/api/findings/export.csv?cluster=${clusterId}&severity=critical`;
    expect((await call(exportCsv, { path, headers: { cookie: (await signIn(viewer.email)).cookie } })).status).toBe(
      403,
    );
    const res = await call(exportCsv, { path, headers: { cookie: (await signIn(analyst.email)).cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="bulwark-findings-browse-[a-f0-9]{8}-\d{8}-\d{6}Z\.csv"$/,
    );
    const rows = parse(await res.text()) as string[][];
    expect(rows.slice(1).every((r) => r[5] === "critical")).toBe(true);
    const events = await getPrisma().auditEvent.findMany({
      where: { actorEmail: analyst.email, action: "export.findings_csv" },
    });
    expect(events).toHaveLength(1);
  });

  it("a client that stops reading mid-way returns its database connection", async () => {
    const pool = getPool();
    const stream = await streamFindingsCsv(ZFindingListQuery.parse({ cluster: clusterId, status: "all" }));
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    expect(pool.idleCount + pool.waitingCount).toBeLessThan(pool.totalCount);
    await reader.cancel();
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
