import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { GET as auditCsv } from "@/app/api/audit/export.csv/route";
import { GET as findingsCsv } from "@/app/api/findings/export.csv/route";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { getPrisma } from "@/lib/db/client";

import { call, makeUser, signIn } from "../helpers/auth";

// Cells that start a formula and carry a line break later: a spreadsheet still evaluates them.
const HOSTILE = ["=1+1\n+cmd|' /C calc'!A0", "+SUM(1)\r\n=2", "-1\n", "@A1\nx", "\t=1\n", "\r=1\n"];
const inert = (cell: string | undefined) => cell?.startsWith("'");

describe("CSV formula neutralisation tests the first character of every cell", () => {
  it("in the findings export", async () => {
    const prisma = getPrisma();
    const cluster = await prisma.cluster.create({
      data: { name: `csv-${randomUUID().slice(0, 8)}`, source: "kubeconfig_context", contextName: "x" },
    });
    await prisma.finding.createMany({
      data: HOSTILE.map((text, i) => ({
        clusterId: cluster.id,
        fingerprint: `csv-${i}`,
        checkId: "pod.run-as-non-root",
        layer: "pod",
        severity: "high",
        resourceKind: "Deployment",
        namespace: "shop",
        resourceName: text,
        container: "",
        message: text,
        firstSeq: 1,
        firstSeenAt: new Date(),
      })),
    });
    const analyst = await makeUser("analyst");
    const res = await call(findingsCsv, {
      path: `/api/findings/export.csv?cluster=${cluster.id}`,
      headers: { cookie: (await signIn(analyst.email)).cookie },
    });
    expect(res.status).toBe(200);
    const rows = (parse(await res.text()) as string[][]).slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const r of rows) {
      expect(inert(r[9]), JSON.stringify(r[9])).toBe(true); // name
      expect(inert(r[11]), JSON.stringify(r[11])).toBe(true); // message
    }
  });

  it("in the audit export", async () => {
    const action = `csv${randomUUID().slice(0, 8)}.event`;
    for (const text of HOSTILE)
      await recordAuditEvent({
        actor: { userId: null, email: null, ip: null },
        action,
        target: { type: "cluster", id: text },
      });
    const admin = await makeUser("admin");
    const res = await call(auditCsv, {
      path: `/api/audit/export.csv?action=${action}`,
      headers: { cookie: (await signIn(admin.email)).cookie },
    });
    expect(res.status).toBe(200);
    const rows = (parse(await res.text()) as string[][]).slice(1).filter((r) => r[4] === action);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const r of rows) expect(inert(r[6]), JSON.stringify(r[6])).toBe(true);
  });

  it("in the CLI's --format csv", () => {
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
    const dir = mkdtempSync(path.join(tmpdir(), "bulwark-csv-"));
    try {
      const docs = HOSTILE.map((name) =>
        JSON.stringify({
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name, namespace: "shop" },
          spec: { containers: [{ name: "c", image: "nginx", securityContext: { privileged: true } }] },
        }),
      );
      writeFileSync(path.join(dir, "pods.yaml"), docs.join("\n---\n"));
      const r = spawnSync(process.execPath, ["bin/bulwark.mjs", "scan", "--manifests", dir, "--format", "csv"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      const rows = (parse(r.stdout) as string[][]).slice(1);
      const names = new Set(rows.map((row) => row[5]));
      expect(names.size).toBe(HOSTILE.length);
      for (const name of names) expect(inert(name), JSON.stringify(name)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
