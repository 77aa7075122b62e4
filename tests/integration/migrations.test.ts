import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { applyMigrations } from "@/lib/db/schema-engine";

const url = inject("databaseUrl");

describe("migrations", () => {
  it("are recorded once, and a second run applies nothing", async () => {
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL",
      );
      expect(rows.map((r) => r.migration_name)).toContain("20261123161900_init");
    } finally {
      await client.end();
    }
  });

  it("make the audit log append-only in the database itself", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_event (action) VALUES ('test.append')`);
      await expect(client.query(`UPDATE audit_event SET action = 'x' WHERE action = 'test.append'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query(`DELETE FROM audit_event WHERE action = 'test.append'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.append'`);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
