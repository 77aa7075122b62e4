import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

  it("says in PostgreSQL's own words why it could not start", async () => {
    const broken = mkdtempSync(path.join(tmpdir(), "bulwark-embedded-broken-"));
    try {
      const first = await startEmbeddedPostgres({ dataDir: broken });
      await first.stop();
      // Data files of a server version that does not exist.
      writeFileSync(path.join(broken, "pg", "PG_VERSION"), "99\n");
      const error = await startEmbeddedPostgres({ dataDir: broken }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(
        /PostgreSQL did not start in .*pg\. It said:\n[\s\S]*database files are incompatible with server/,
      );
      expect(existsSync(path.join(broken, "bulwark.lock"))).toBe(false);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
