// npm run bench:api: the findings API and the CSV export at scale, in a fresh embedded Postgres.
// Loads 10,000,000 finding lifetimes (10 clusters of 1,000,000, 90% open, the resolved ones in every
// cluster, over the catalog's real checks) and 500 accepted risks, then prints:
//  - p50/p95 of the findings list on page 1 and page 1,000 of a filtered query, with the plan's index;
//  - the CSV export of 1,000,000 rows: rows/s and RSS growth, next to COPY ... TO STDOUT of the same rows;
//  - RSS and pool connections after clients that abort a download mid-way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

const TOTAL = Number(process.argv[2] ?? 10_000_000);
const CLUSTERS = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(path.join(tmpdir(), "bulwark-api-"));
const { startEmbeddedPostgres } = await import("@/lib/db/start-embedded-postgres");
const { applyMigrations } = await import("@/lib/db/schema-engine");
const db = await startEmbeddedPostgres({ dataDir: dir, database: "bench", persistent: false });
process.env.DATABASE_URL = db.url;
process.env.LOG_LEVEL = "silent";
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

try {
  await applyMigrations(db.url);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  admin.on("error", () => {});
  await admin.query("ALTER SYSTEM SET max_wal_size = '4GB'");
  await admin.query("SELECT pg_reload_conf()");
  const t = performance.now();
  await admin.query(
    `INSERT INTO cluster (id, name, source, "contextName", "updatedAt") SELECT 'c' || g, 'cluster-' || g, 'kubeconfig_context', 'x', now() FROM generate_series(1, ${CLUSTERS}) g`,
  );
  await admin.query(
    `INSERT INTO snapshot (id, "clusterId", seq, status, trigger, "startedAt", "finishedAt") SELECT 's' || g, 'c' || g, 10, 'succeeded', 'schedule', now(), now() FROM generate_series(1, ${CLUSTERS}) g`,
  );
  // Load without secondary indexes, then build them sorted: the same indexes the app creates.
  const indexes = (
    await admin.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'finding' AND indexname <> 'finding_pkey'`,
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const i of indexes) await admin.query(`DROP INDEX "${i.indexname}"`);
  await admin.query("SET maintenance_work_mem = '1GB'");
  // Lifetimes spread like a real fleet: the catalog's own checks with their layers and severities
  // (pod and container checks weighted up, as real scans give), 40 namespaces, 90% open; the
  // resolved tenth spread over every cluster.
  const { ALL_CHECKS } = await import("@/lib/checks/registry");
  const weight: Record<string, number> = { node: 1, network: 2, secrets: 3, pod: 8, container: 10 };
  const picks = ALL_CHECKS.flatMap((c) => Array.from({ length: weight[c.layer] ?? 1 }, () => c));
  await admin.query(
    `
    INSERT INTO finding ("clusterId", fingerprint, "checkId", layer, severity, "resourceKind", namespace, "resourceName", container, message, "firstSeq", "lastSeq", "firstSeenAt", "lastSeenAt", "resolvedAt")
    SELECT 'c' || (1 + g % ${CLUSTERS}), md5(g::text), ($1::text[])[k], ($2::"Layer"[])[k], ($3::"Severity"[])[k],
           (ARRAY['Deployment','DaemonSet','StatefulSet','Job'])[1 + g % 4], 'ns-' || (g % 40), 'workload-' || g, 'main',
           'container main does something risky #' || g, 1 + g % 9, CASE WHEN r THEN 9 ELSE NULL END,
           timestamp '2026-01-01' + (g % 300) * interval '1 day', CASE WHEN r THEN timestamp '2026-11-01' END, CASE WHEN r THEN timestamp '2026-11-02' END
    FROM (SELECT g, 1 + (hashtext(g::text) & 2147483647) % $4 AS k, (g / ${CLUSTERS}) % 10 = 0 AS r FROM generate_series(1, ${TOTAL}) g) x`,
    [picks.map((c) => c.id), picks.map((c) => c.layer), picks.map((c) => c.severity), picks.length],
  );
  // Accepted risks of each scope (whole cluster, one namespace, one resource), most in force.
  await admin.query(
    `
    INSERT INTO suppression (id, "clusterId", "checkId", namespace, "resourcePattern", reason, "authorId", "approverId", status, "expiresAt", "approvedAt", "updatedAt")
    SELECT 'risk-' || g, 'c' || (1 + g % ${CLUSTERS}), ($1::text[])[1 + g % $2], CASE WHEN g % 3 > 0 THEN 'ns-' || g % 40 END,
           CASE WHEN g % 3 = 2 THEN 'Deployment/workload-' || (g * 4) END, 'benchmark', 'u1', 'u2',
           (CASE WHEN g % 5 = 0 THEN 'revoked' ELSE 'active' END)::"SuppressionStatus", now() + interval '30 days', now(), now()
    FROM generate_series(1, 500) g`,
    [ALL_CHECKS.map((c) => c.id), ALL_CHECKS.length],
  );
  for (const i of indexes) await admin.query(i.indexdef);
  await admin.query("VACUUM ANALYZE finding");
  const size = (await admin.query("SELECT pg_total_relation_size('finding') AS n")).rows[0].n as string;
  console.log(
    `Loaded ${TOTAL.toLocaleString("en")} finding lifetimes in ${((performance.now() - t) / 1000).toFixed(0)} s (table + indexes ${mb(Number(size))}).`,
  );

  const { listFindings } = await import("@/lib/db/findings/list-findings");
  const { streamFindingsCsv } = await import("@/lib/db/findings/stream-findings-csv");
  const { ZFindingListQuery } = await import("@/lib/contracts/findings");
  const { getPool } = await import("@/lib/db/pool");
  const { findingKeyset, findingWhere, FINDING_SORT, FINDING_COLUMNS, FINDING_FROM } =
    await import("@/lib/db/findings/finding-sql");

  // --- findings API: page 1 and page 1,000 of a filtered query ---
  const filters = { cluster: "c4", layer: "pod,container", severity: "high,critical", status: "open", limit: 50 };
  const first = ZFindingListQuery.parse(filters);
  let cursor: string | null = null;
  const walkStart = performance.now();
  let deepPage = 1;
  for (; deepPage < 1000; deepPage++) {
    const p: Awaited<ReturnType<typeof listFindings>> = await listFindings(
      ZFindingListQuery.parse({ ...filters, ...(cursor ? { cursor } : {}) }),
    );
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  console.log(
    `\nFindings API (cluster c4, layers pod+container, severities high+critical, open; 50 per page); walking to page ${deepPage.toLocaleString("en")} took ${((performance.now() - walkStart) / 1000).toFixed(1)} s`,
  );
  const deep = ZFindingListQuery.parse({ ...filters, ...(cursor ? { cursor } : {}) });
  for (const [name, q] of [
    ["page 1", first],
    [`page ${deepPage.toLocaleString("en")}`, deep],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) await listFindings(q);
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      await listFindings(q);
      times.push(performance.now() - s);
    }
    const values: unknown[] = [];
    const where = findingWhere(q, values);
    const { after, orderBy } = findingKeyset(FINDING_SORT[q.sort], q.cursor, values);
    const plan = await getPool().query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} ${where}${after ? ` AND ${after}` : ""} ${orderBy} LIMIT 51`,
      values,
    );
    const lines = plan.rows.map((r) => r["QUERY PLAN"] as string);
    const index = lines.find((l) => /Index (Only )?Scan/.test(l))?.trim() ?? "no index scan";
    const exec = lines.find((l) => l.startsWith("Execution Time"));
    console.log(
      `  ${name.padEnd(10)} p50 ${pct(times, 50).toFixed(1)} ms  p95 ${pct(times, 95).toFixed(1)} ms  (goal p95 < 150 ms)  plan: ${index.replace(/\s+\(cost.*$/, "")}; ${exec}`,
    );
  }

  // --- CSV export of 1,000,000 rows vs COPY ---
  const exportFilters = ZFindingListQuery.parse({ cluster: "c2", status: "all", sort: "severity" });
  const rowsInExport = Number(
    (await admin.query(`SELECT count(*) AS n FROM finding WHERE "clusterId" = 'c2'`)).rows[0].n,
  );
  const sink = () =>
    new Writable({
      write(_c, _e, cb) {
        cb();
      },
    });
  const values: unknown[] = [];
  const where = findingWhere(exportFilters, values);
  const copyStart = performance.now();
  const copyClient = await getPool().connect();
  const inline = where.replace(/\$1/g, `'c2'`);
  await pipeline(
    copyClient.query(
      copyTo(
        `COPY (SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} ${inline} ORDER BY f.severity, f.id) TO STDOUT WITH (FORMAT csv, HEADER)`,
      ),
    ),
    sink(),
  );
  copyClient.release();
  const copySeconds = (performance.now() - copyStart) / 1000;

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const exportStart = performance.now();
  let bytes = 0;
  const reader = (await streamFindingsCsv(exportFilters)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  const exportSeconds = (performance.now() - exportStart) / 1000;
  clearInterval(sampler);
  console.log(`\nCSV export of ${rowsInExport.toLocaleString("en")} rows (${mb(bytes)}):`);
  console.log(
    `  Bulwark export  ${exportSeconds.toFixed(2)} s = ${Math.round(rowsInExport / exportSeconds).toLocaleString("en")} rows/s, RSS growth ${mb(peak - rssBefore)} (goal < 64 MB)`,
  );
  console.log(
    `  COPY TO STDOUT  ${copySeconds.toFixed(2)} s = ${Math.round(rowsInExport / copySeconds).toLocaleString("en")} rows/s`,
  );
  console.log(`  export speed = ${((copySeconds / exportSeconds) * 100).toFixed(0)}% of COPY (goal at least 50%)`);

  // --- clients that abort mid-way: three rounds of 20; a leak would grow every round ---
  const pool = getPool();
  const rounds: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 20; i++) {
      const r = (await streamFindingsCsv(exportFilters)).getReader();
      for (let k = 0; k < 20; k++) await r.read();
      await r.cancel();
    }
    global.gc?.();
    rounds.push(mb(process.memoryUsage().rss));
  }
  console.log(
    `\n3 rounds of 20 downloads aborted after ~6,000 rows each: RSS after each round ${rounds.join(" → ")}; pool ${pool.totalCount} connections, ${pool.idleCount} idle, ${pool.waitingCount} waiting`,
  );
  await admin.end();
  await pool.end();
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
