// The plan of each main query behind the pages bench-fleet.ts drives: the statements the app's
// own functions send, captured from the pool and run again under EXPLAIN (ANALYZE, BUFFERS).
import type pg from "pg";

type Captured = { text: string; values: unknown[] };

/** Runs `fn` and returns the statements it sent through the app's pg pool. */
async function capture(pool: pg.Pool, fn: () => Promise<unknown>): Promise<Captured[]> {
  const seen: Captured[] = [];
  const original = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...a: unknown[]) => Promise<unknown> }).query = (text: unknown, values?: unknown) => {
    if (typeof text === "string") seen.push({ text, values: (values as unknown[]) ?? [] });
    return original(text, values);
  };
  try {
    await fn();
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
  return seen;
}

/** One line per plan: the top node, the time, buffers, and any sequential scan of a big table. */
function summarise(lines: string[]): string {
  const top = lines[0]!.trim().replace(/\s+\(cost.*$/, "");
  const exec = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
  const buffers = lines.find((l) => l.trim().startsWith("Buffers:"))?.trim() ?? "Buffers: -";
  const seq = [
    ...new Set(
      lines
        .filter((l) => /Seq Scan on (finding|layer_score|namespace_score|control_status|snapshot)\b/.test(l))
        .map((l) =>
          l
            .trim()
            .replace(/\s+\(cost.*$/, "")
            .replace(/^->\s*/, ""),
        ),
    ),
  ];
  const idx = [
    ...new Set(
      lines
        .filter((l) => /Index (Only )?Scan|Bitmap Index Scan/.test(l))
        .map((l) =>
          l
            .trim()
            .replace(/^->\s*/, "")
            .replace(/\s+\(cost.*$/, "")
            .replace(/^(.*?) on (\S+).*$/, "$1 $2"),
        ),
    ),
  ].slice(0, 4);
  return `${exec}; ${top}; ${buffers}${seq.length ? `; SEQ: ${seq.join(", ")}` : ""}${idx.length ? `; idx: ${idx.join(", ")}` : ""}`;
}

export async function explainMainQueries(ids: { cluster: string; a: string; b: string }): Promise<void> {
  const { getPool } = await import("@/lib/db/pool");
  const { listFindings } = await import("@/lib/db/findings/list-findings");
  const { ZFindingListQuery } = await import("@/lib/contracts/findings");
  const { buildReport } = await import("@/lib/db/reports/build-report");
  const { ZReportQuery } = await import("@/lib/contracts/reports");
  const { listClusterPosture } = await import("@/lib/db/clusters/list-cluster-posture");
  const { getClusterMovement } = await import("@/lib/db/clusters/get-cluster-movement");
  const { listFailingChecks } = await import("@/lib/db/findings/list-failing-checks");
  const { listFrameworkOverview } = await import("@/lib/db/frameworks/read-control-statuses");
  const { listSuppressionPage } = await import("@/lib/db/suppressions/list-suppressions");
  const { listClusterIdPage } = await import("@/lib/db/clusters/list-cluster-id-page");
  const { readMetricSources } = await import("@/lib/db/metrics/read-metric-sources");
  const { compareSnapshots } = await import("@/lib/db/compare/compare-snapshots");
  const pool = getPool();
  const cases: [string, () => Promise<unknown>][] = [
    ["findings default (all clusters, open)", () => listFindings(ZFindingListQuery.parse({}))],
    ["findings suppressed", () => listFindings(ZFindingListQuery.parse({ status: "suppressed" }))],
    [
      "findings one cluster, critical+high",
      () => listFindings(ZFindingListQuery.parse({ cluster: ids.cluster, severity: "critical,high" })),
    ],
    ["findings resolved, newest", () => listFindings(ZFindingListQuery.parse({ status: "resolved", sort: "newest" }))],
    ["overview posture", () => listClusterPosture()],
    ["cluster movement", () => getClusterMovement(ids.cluster)],
    ["report 365 days", () => buildReport(ZReportQuery.parse({ days: "365" }))],
    ["checks failing now", () => listFailingChecks()],
    [
      "frameworks overview (first page, 10 clusters)",
      async () => listFrameworkOverview(undefined, (await listClusterIdPage(1, 10)).ids),
    ],
    ["accepted risks with their matches (first page, 50)", () => listSuppressionPage({ page: 1, limit: 50 })],
    ["Prometheus metrics", () => readMetricSources()],
    ["compare two snapshots", () => compareSnapshots(ids.a, ids.b)],
  ];
  console.log("\nQuery plans (EXPLAIN ANALYZE, BUFFERS) of the statements each function sends:");
  for (const [name, fn] of cases) {
    const statements = await capture(pool, fn);
    console.log(`  ${name}:`);
    for (const [i, s] of statements.entries()) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
      console.log(`    #${i + 1} ${summarise(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]!))}`);
    }
  }
}
