import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { GET as exportCsv } from "@/app/api/audit/export.csv/route";
import { AUDIT_CSV_HEADER, listAuditEvents, streamAuditCsv } from "@/lib/db/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { getPool } from "@/lib/db/pool";

import { call, makeUser, signIn } from "../helpers/auth";

const HOSTILE = '=HYPERLINK("http://evil.example","click")';

describe("audit log", () => {
  it("pages newest first by id across page boundaries, each event once", async () => {
    const prefix = `page${randomUUID().slice(0, 8)}.`;
    for (let i = 0; i < 250; i++)
      await recordAuditEvent({
        actor: { userId: null, email: null, ip: null },
        action: `${prefix}event`,
        details: { n: i },
      });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ action: prefix, actor: undefined, cursor });
      seen.push(...page.data.map((e) => JSON.parse(e.details).n as number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toStrictEqual(Array.from({ length: 250 }, (_, i) => 249 - i));
  });
});

describe("audit log CSV export", () => {
  it("streams every matching event oldest first, neutralises formulas, refuses analysts, and ends with its own export", async () => {
    const admin = await makeUser("admin");
    const analyst = await makeUser("analyst");
    const prefix = `test${randomUUID().slice(0, 8)}.`;
    for (let i = 0; i < 700; i++) {
      await recordAuditEvent({
        actor: { userId: null, email: null, ip: "203.0.113.9" },
        action: `${prefix}event`,
        target: { type: "cluster", id: i === 0 ? HOSTILE : `c${i}` },
        details: { n: i },
      });
    }

    expect(
      (
        await call(exportCsv, {
          path: `/api/audit/export.csv?action=${prefix}`,
          headers: { cookie: (await signIn(analyst.email)).cookie },
        })
      ).status,
    ).toBe(403);

    const res = await call(exportCsv, {
      path: `/api/audit/export.csv?action=${prefix}`,
      headers: { cookie: (await signIn(admin.email)).cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="bulwark-audit-\d{8}-\d{6}Z\.csv"$/);
    const [header, ...rows] = parse(await res.text()) as string[][];
    expect(header).toStrictEqual(AUDIT_CSV_HEADER);
    // More rows than one cursor batch, in order, each with its own details.
    expect(rows).toHaveLength(700);
    expect(rows.map((r) => Number(r[0]))).toStrictEqual(rows.map((r) => Number(r[0])).sort((a, b) => a - b));
    expect(rows.map((r) => JSON.parse(r[7]!).n)).toStrictEqual(Array.from({ length: 700 }, (_, i) => i));
    expect(rows[0]![6]).toBe(`'${HOSTILE}`);
    expect(rows.every((r) => r[2] === "" && r[3] === "203.0.113.9" && r[4] === `${prefix}event`)).toBe(true);

    // Unfiltered, the file ends with this export, by this admin.
    const all = parse(
      await (
        await call(exportCsv, {
          path: "/api/audit/export.csv",
          headers: { cookie: (await signIn(admin.email)).cookie },
        })
      ).text(),
    ) as string[][];
    expect(all.at(-1)!.slice(2, 5)).toStrictEqual([admin.email, expect.any(String), "export.audit_csv"]);
  });

  it("a client that stops reading mid-way returns its database connection", async () => {
    const pool = getPool();
    const reader = (await streamAuditCsv({ action: undefined, actor: undefined })).getReader();
    await reader.read();
    await reader.read();
    expect(pool.idleCount + pool.waitingCount).toBeLessThan(pool.totalCount);
    await reader.cancel();
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
