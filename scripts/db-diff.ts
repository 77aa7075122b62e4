// npm run db:diff -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql with the SQL
// that takes the schema of the latest migration to prisma/schema.prisma. Offline.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { diffSchema, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_PATH } from "@/lib/db/schema-engine";
import { startEmbeddedPostgres } from "@/lib/db/start-embedded-postgres";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:diff -- NAME");
  process.exit(2);
}
const scratch = mkdtempSync(path.join(tmpdir(), "bulwark-diff-"));
const db = await startEmbeddedPostgres({ dataDir: scratch, persistent: false });
try {
  const sql = await diffSchema(db.url);
  if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
    console.log("The schema matches the latest migration: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    copyFileSync(SCHEMA_PATH, SNAPSHOT_PATH);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
