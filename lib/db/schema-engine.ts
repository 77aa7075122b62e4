import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * Prisma's schema engine, run as WebAssembly through the pg driver adapter. The native
 * engine binary is downloaded at install time by Prisma's CLI, which cannot happen offline;
 * the wasm build ships inside its npm package and applies the same migrations the same way
 * (and records them in `_prisma_migrations`).
 */
type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
};

const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const RULES_DIR = path.join(ROOT, "prisma", "sql");
/** The schema as of the latest migration (written by `npm run db:diff`). */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

async function loadWasm() {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(entry);
  const bg = (await import(
    /* webpackIgnore: true */ pathToFileURL(entry).href
  )) as typeof import("@prisma/schema-engine-wasm") & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

async function openEngine(databaseUrl: string): Promise<Engine> {
  wasmReady ??= loadWasm();
  const { SchemaEngine } = await wasmReady;
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  return (await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter)) as unknown as Engine;
}

function listMigrations() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * Applies every pending migration in prisma/migrations, then the idempotent database rules in
 * prisma/sql (triggers and functions); returns the names of the migrations applied.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const engine = await openEngine(databaseUrl);
  let applied: string[];
  try {
    const out = await engine.applyMigrations({ migrationsList: listMigrations(), filters: NO_FILTERS });
    applied = out.appliedMigrationNames;
  } finally {
    engine.free();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection fails the running query, which reports it; no process-killing event.
  client.on("error", () => {});
  await client.connect();
  try {
    for (const file of readdirSync(RULES_DIR)
      .filter((f) => f.endsWith(".sql"))
      .sort()) {
      await client.query(readFileSync(path.join(RULES_DIR, file), "utf8"));
    }
  } finally {
    await client.end();
  }
  return applied;
}

/**
 * SQL that takes a database at the latest migration to the current schema.prisma. It diffs two
 * datamodels (the schema as of the latest migration, kept in SNAPSHOT_PATH, and the current
 * one) rather than a live database: the wasm engine cannot yet describe a Postgres schema
 * through the driver adapter ("Column type 'char' could not be deserialized"). It still
 * insists on a connection at start, hence the URL.
 */
export async function diffSchema(databaseUrl: string): Promise<string> {
  const engine = await openEngine(databaseUrl);
  const current = readFileSync(SCHEMA_PATH, "utf8");
  try {
    const out = await engine.diff({
      from: existsSync(SNAPSHOT_PATH)
        ? { tag: "schemaDatamodel", files: [{ path: SNAPSHOT_PATH, content: readFileSync(SNAPSHOT_PATH, "utf8") }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: current }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return out.stdout;
  } finally {
    engine.free();
  }
}
