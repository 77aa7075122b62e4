import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { applyMigrations } from "@/lib/db/schema-engine";

// First start on an empty database: the setup link is printed once, stored hashed, and a
// database with users gets no link. A database of its own, so other tests' users do not count.
describe("first start", () => {
  it("prints a one-time setup link when no admin is configured, and nothing once users exist", async () => {
    const base = inject("databaseUrl");
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS bulwark_first_start");
    await admin.query("CREATE DATABASE bulwark_first_start");
    await admin.end();
    const url = new URL(base);
    url.pathname = "/bulwark_first_start";
    await applyMigrations(url.toString());
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      BULWARK_ADMIN_EMAIL: "",
      BULWARK_ADMIN_PASSWORD: "",
      BULWARK_URL: "https://bulwark.example.test",
    };
    const run = () =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/first-admin.ts"], { env, encoding: "utf8" });

    const out = run();
    const link = out.match(/https:\/\/bulwark\.example\.test\/setup\?token=([\w-]+)/);
    expect(link).not.toBeNull();
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const { rows } = await db.query("SELECT value FROM verification WHERE identifier = 'setup:first-admin'");
      expect(rows).toEqual([{ value: createHash("sha256").update(link![1]!).digest("hex") }]);
      await db.query(
        `INSERT INTO "user" (id, email, name, role, "updatedAt") VALUES ('u1', 'a@example.test', 'A', 'admin', now())`,
      );
      expect(run()).not.toContain("setup?token=");
    } finally {
      await db.end();
    }
  });
});
