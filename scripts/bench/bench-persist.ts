// npm run bench:persist: persisting snapshots of a synthetic 50,000-pod cluster (~500,000
// findings) into a fresh embedded Postgres; prints the first persist next to a raw COPY of the
// same rows, the rows a 2%-churn snapshot writes, and the database size after 30 snapshots.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const PODS = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(path.join(tmpdir(), "bulwark-persist-"));
const { startEmbeddedPostgres } = await import("@/lib/db/start-embedded-postgres");
const { applyMigrations } = await import("@/lib/db/schema-engine");
const db = await startEmbeddedPostgres({ dataDir: dir, database: "bench", persistent: false });
process.env.DATABASE_URL = db.url;
process.env.LOG_LEVEL = "silent";

try {
  await applyMigrations(db.url);
  const { syntheticCluster } = await import("@/lib/fake-api-server/clusters/synthetic");
  const { addObject } = await import("@/lib/k8s/to-inventory");
  const { emptyInventory } = await import("@/lib/inventory/types");
  const { keepTopControllers } = await import("@/lib/inventory/top-controllers");
  const { runChecks } = await import("@/lib/checks/run-checks");
  const { DEFAULT_SETTINGS } = await import("@/lib/checks/settings");
  const { scoreSnapshot } = await import("@/lib/scoring/score");
  const { mergeFindings } = await import("@/lib/checks/merge-findings");
  const { createCluster } = await import("@/lib/db/clusters/create-cluster");
  const { startSnapshot } = await import("@/lib/db/snapshots/start-snapshot");
  const { completeSnapshot } = await import("@/lib/db/snapshots/complete-snapshot");
  const { fingerprintOf } = await import("@/lib/db/snapshots/fingerprint");
  type Results = ReturnType<typeof runChecks>;

  // One Deployment per pod and half of them misconfigured: about ten findings per workload.
  const fixture = syntheticCluster({ nodes: 500, pods: PODS, podsPerDeployment: 1, misconfigured: 0.5 });
  const inventory = emptyInventory("cluster");
  for (const o of fixture.objects) addObject(inventory, o);
  inventory.workloads = keepTopControllers(inventory.workloads);
  const now = new Date("2026-11-23T00:00:00Z");
  const baseResults = runChecks(inventory, { now, settings: DEFAULT_SETTINGS });
  const count = (r: Results) => r.reduce((n, x) => n + (x.status === "evaluated" ? x.findings.length : 0), 0);

  /** 2% churn: drop 1% of the findings (fixed) and rename the resource of another 1% (new ones). */
  function churn(results: Results, round: number): Results {
    return results.map((r) => {
      if (r.status !== "evaluated") return r;
      const findings = r.findings.flatMap((f, i) => {
        const k = (i + round * 7) % 100;
        if (k === 0) return [];
        if (k === 1) return [{ ...f, resource: { ...f.resource, name: `${f.resource.name}-r${round}` } }];
        return [f];
      });
      return { ...r, findings };
    });
  }

  const pool = new pg.Pool({ connectionString: db.url });
  const writes = async () => {
    const { rows } = await pool.query(
      `SELECT n_tup_ins + n_tup_upd + n_tup_del AS n FROM pg_stat_user_tables WHERE relname = 'finding'`,
    );
    return Number(rows[0]?.n ?? 0);
  };
  const dbSize = async () => {
    await pool.query("VACUUM");
    const { rows } = await pool.query(
      `SELECT sum(pg_total_relation_size(relid))::bigint AS n FROM pg_stat_user_tables WHERE relname IN ('finding', 'snapshot', 'layer_score', 'namespace_score')`,
    );
    return Number(rows[0].n);
  };
  const settle = () => new Promise((r) => setTimeout(r, 700)); // pg_stat counters are flushed asynchronously
  const { id: clusterId } = await createCluster({ name: "bench", source: "demo" });

  async function persist(results: Results, takenAt: Date) {
    const s = await startSnapshot(clusterId, "schedule", takenAt);
    const { scores, namespaces: namespaceScores } = scoreSnapshot(results);
    const findings = mergeFindings(results.flatMap((r) => (r.status === "evaluated" ? r.findings : [])));
    const started = performance.now();
    const out = await completeSnapshot({
      snapshotId: s.id,
      clusterId,
      seq: s.seq,
      takenAt,
      results,
      findings,
      scores,
      namespaceScores,
      warnings: [],
      objectCounts: {},
      kubernetesVersion: "v1.37.1",
      phases: {},
    });
    return { ms: performance.now() - started, ...out };
  }

  const w0 = await writes();
  const first = await persist(baseResults, now);
  await settle();
  const firstWrites = (await writes()) - w0;
  const sizeAfterFirst = await dbSize();

  // The lower bound: COPY the same rows (same columns) in the same run, into a scratch table
  // defined like the finding table (same indexes, logged), and into a bare unlogged one.
  const findings = baseResults.flatMap((r) => (r.status === "evaluated" ? r.findings : []));
  const csv = stringify(
    findings.map((f) => [
      clusterId,
      fingerprintOf(f),
      f.checkId,
      f.layer,
      f.severity,
      f.resource.kind,
      f.resource.namespace,
      f.resource.name,
      f.container ?? "",
      f.message,
      1,
      now.toISOString(),
    ]),
    { quoted_empty: true },
  );
  async function copyInto(table: string, definition: string): Promise<number> {
    await pool.query(`CREATE ${definition}`);
    const client = await pool.connect();
    const started = performance.now();
    await pipeline(
      Readable.from([csv]),
      client.query(
        copyFrom(
          `COPY ${table} ("clusterId", fingerprint, "checkId", layer, severity, "resourceKind", namespace, "resourceName", container, message, "firstSeq", "firstSeenAt") FROM STDIN (FORMAT csv)`,
        ),
      ),
    );
    const ms = performance.now() - started;
    client.release();
    await pool.query(`DROP TABLE ${table}`);
    return ms;
  }
  const copyLikeMs = await copyInto("scratch_like", "TABLE scratch_like (LIKE finding INCLUDING ALL)");
  const copyBareMs = await copyInto("scratch_bare", "UNLOGGED TABLE scratch_bare (LIKE finding INCLUDING DEFAULTS)");

  const w1 = await writes();
  const second = await persist(churn(baseResults, 1), new Date(now.getTime() + 3600_000));
  await settle();
  const secondWrites = (await writes()) - w1;

  for (let round = 2; round <= 30; round++)
    await persist(churn(baseResults, round), new Date(now.getTime() + round * 3600_000));
  const sizeAfter30 = await dbSize();
  await pool.end();

  const MB = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `${PODS.toLocaleString("en")} pods → ${inventory.workloads.length.toLocaleString("en")} workloads, ${count(baseResults).toLocaleString("en")} findings (${first.findingCount.toLocaleString("en")} distinct lifetimes)`,
  );
  console.log(
    `first snapshot persist   ${(first.ms / 1000).toFixed(2)} s   (${first.newCount.toLocaleString("en")} lifetimes opened, with scores)`,
  );
  console.log(
    `raw COPY, same table definition (indexes, logged)  ${(copyLikeMs / 1000).toFixed(2)} s   → persist / COPY = ${(first.ms / copyLikeMs).toFixed(2)}x (goal ≤ 2x)`,
  );
  console.log(
    `raw COPY, bare unlogged table (no indexes)          ${(copyBareMs / 1000).toFixed(2)} s   → persist / COPY = ${(first.ms / copyBareMs).toFixed(2)}x`,
  );
  console.log(
    `second snapshot (2% churn) ${(second.ms / 1000).toFixed(2)} s: ${second.newCount} opened, ${second.resolvedCount} closed, ${second.changedCount} changed`,
  );
  console.log(
    `finding rows written     first ${firstWrites.toLocaleString("en")}, second ${secondWrites.toLocaleString("en")} = ${((100 * secondWrites) / firstWrites).toFixed(2)}% (goal ≤ 5%)`,
  );
  console.log(
    `database size            after 1: ${MB(sizeAfterFirst)}, after 30: ${MB(sizeAfter30)} = ${(sizeAfter30 / sizeAfterFirst).toFixed(2)}x (goal ≤ 2x)`,
  );
} catch (error) {
  console.error("bench:persist failed:", error);
  process.exitCode = 1;
} finally {
  const { closePool } = await import("@/lib/db/pool");
  await closePool();
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
