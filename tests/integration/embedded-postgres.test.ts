import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { startEmbeddedPostgres } from "@/lib/db/start-embedded-postgres";

const dir = mkdtempSync(path.join(tmpdir(), "bulwark-embedded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps data across a restart and refuses a second server on the same directory", async () => {
    const first = await startEmbeddedPostgres({ dataDir: dir });
    try {
      await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir: dir });
    try {
      expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });
});
