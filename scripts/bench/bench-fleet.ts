// npm run bench:fleet [-- --scale 0.01] [--clusters 100] [--reuse] [--skip-build] [--soak 5000] [--dir .data/bench-fleet]
//   [--levels 1,10,50] [--only "reports|frameworks"] [--no-plans] [--serve]
// A realistic fleet in its own embedded Postgres (100 clusters, 730 daily scans each, 10M
// finding lifetimes at scale 1), the app built and started in production mode on it, and
// signed-in users driving every page and list API over HTTP at 1, 10 and 50 at once. Prints
// per endpoint p50/p95/max, throughput and errors, the overview's HTML size, the web server's
// RSS over a soak of --soak requests, and the plan of each main query.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

import { get, load, printStats, rssMb, soak, type Endpoint } from "./bench-fleet-load";
import { explainMainQueries } from "./bench-fleet-plans";
import { fleetShape, seedFleet } from "./bench-fleet-seed";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    // the fleet's cluster count at any scale (e.g. the overview at 100 clusters with fewer findings)
    clusters: { type: "string" },
    reuse: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    soak: { type: "string", default: "5000" },
    dir: { type: "string", default: ".data/bench-fleet" },
    levels: { type: "string", default: "1,10,50" },
    // only the endpoints whose name matches this regular expression (e.g. "reports|frameworks")
    only: { type: "string" },
    "no-plans": { type: "boolean", default: false },
    // start the app on the fleet, print its address and a signed-in session, and wait (to look at it)
    serve: { type: "boolean", default: false },
  },
});
const scale = Number(args.scale);
const shape = { ...fleetShape(scale), ...(args.clusters ? { clusters: Number(args.clusters) } : {}) };
const dataDir = path.resolve(args.dir!, `scale-${args.scale}${args.clusters ? `-clusters-${args.clusters}` : ""}`);
const seededMarker = path.join(dataDir, "seeded.json");
const PASSWORD = "bench-fleet-password-1";
const USERS = 20;
// A data directory without a finished seed (an earlier run stopped half-way) starts again from nothing.
if (!existsSync(seededMarker)) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
process.env.BULWARK_DATA_DIR = dataDir;
process.env.LOG_LEVEL = "silent";

const { startEmbeddedPostgres } = await import("@/lib/db/start-embedded-postgres");
const { applyMigrations } = await import("@/lib/db/schema-engine");
const { findFreePort } = await import("@/lib/db/free-port");
const db = await startEmbeddedPostgres({ dataDir, database: "bench", persistent: true });
process.env.DATABASE_URL = db.url;
let server: ReturnType<typeof spawn> | undefined;

try {
  await applyMigrations(db.url);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  admin.on("error", () => {});
  await admin.query("ALTER SYSTEM SET max_wal_size = '8GB'");
  await admin.query("ALTER SYSTEM SET shared_buffers = '512MB'");
  await admin.query("SELECT pg_reload_conf()");
  // Each run signs its 20 users in from one address: an earlier run's sign-ins would count against this one's limit.
  await admin.query("DELETE FROM rate_limit");
  const emails = Array.from({ length: USERS }, (_, i) => `bench-${i}@fleet.test`);
  if (!(args.reuse && existsSync(seededMarker))) {
    if (existsSync(seededMarker))
      throw new Error(`${dataDir} is already seeded: pass --reuse, or delete it for a fresh fleet`);
    console.log(`Seeding ${JSON.stringify(shape)} into ${dataDir}`);
    const t = performance.now();
    const { createUser } = await import("@/lib/auth/create-user");
    const ids: string[] = [];
    for (const [i, email] of emails.entries())
      ids.push(
        (
          await createUser({
            email,
            name: `Bench ${i}`,
            role: i === 0 ? "admin" : i % 2 ? "analyst" : "viewer",
            password: PASSWORD,
          })
        ).id,
      );
    await seedFleet(admin, shape, ids);
    writeFileSync(seededMarker, JSON.stringify({ shape, seconds: Math.round((performance.now() - t) / 1000) }));
    console.log(`Seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } else {
    console.log(`Reusing the fleet seeded in ${dataDir}`);
  }
  const sizes = (
    await admin.query<{ t: string; rows: string; size: string }>(
      `SELECT relname AS t, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_stat_user_tables WHERE relname IN ('finding','snapshot','layer_score','namespace_score','control_status','suppression','finding_rollup') ORDER BY relname`,
    )
  ).rows;
  console.log(
    `Tables: ${sizes.map((r) => `${r.t} ${Number(r.rows).toLocaleString("en")} rows (${r.size})`).join("; ")}`,
  );

  // Ids the pages need: a cluster, a finding, two completed scans of one cluster, a framework.
  const cluster = (await admin.query<{ id: string }>(`SELECT id FROM cluster ORDER BY name LIMIT 1 OFFSET 1`)).rows[0]!
    .id;
  const finding = (
    await admin.query<{ id: string }>(
      `SELECT id::text FROM finding WHERE "clusterId" = $1 AND "lastSeq" IS NULL LIMIT 1`,
      [cluster],
    )
  ).rows[0]!.id;
  const scans = (
    await admin.query<{ id: string }>(
      `SELECT id FROM snapshot WHERE "clusterId" = $1 AND status = 'succeeded' ORDER BY seq DESC LIMIT 8`,
      [cluster],
    )
  ).rows;
  const [a, b] = [scans.at(-1)!.id, scans[0]!.id];
  // The check failing in the most clusters: its page lists every one.
  const check = (
    await admin.query<{ checkId: string }>(
      `SELECT "checkId" FROM failing_check WHERE open > 0 GROUP BY "checkId" ORDER BY count(*) DESC, "checkId" LIMIT 1`,
    )
  ).rows[0]!.checkId;
  await admin.end();

  // The app in production mode: `next build`, then the web server `npm start` runs.
  if (!args["skip-build"]) {
    console.log("Building the app (next build)…");
    const r = spawnSync("npm", ["run", "--silent", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (r.status !== 0) throw new Error(`the build failed (exit ${r.status})`);
  }
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["scripts/web-server.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  });
  for (let i = 0; ; i++) {
    if ((await get(base, "/api/health/live", "")).status === 200) break;
    if (i > 240) throw new Error("the web server did not answer /api/health/live within 2 minutes");
    await new Promise((r) => setTimeout(r, 500));
  }
  const pid = server.pid!;
  console.log(`Web server up (pid ${pid}, RSS ${rssMb(pid)} MB)`);

  // Real sessions: each user signs in over HTTP.
  const cookies: string[] = [];
  for (const email of emails) {
    const res = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: HTTP ${res.status} ${await res.text()}`);
    cookies.push(
      res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    );
  }
  if (args.serve) {
    console.log(`Serving ${base} (pid ${pid}); an admin's session: curl -H 'cookie: ${cookies[0]}' ${base}/`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
  } else await measure(base, pid, cookies, { cluster, finding, a, b, check });
} finally {
  server?.kill("SIGTERM");
  const { closePool } = await import("@/lib/db/pool");
  await closePool().catch(() => {});
  await db.stop();
}
process.exit(0);

/** Every page and list API at each level of concurrent users, the soak, and the main statements' plans. */
async function measure(
  base: string,
  pid: number,
  cookies: string[],
  { cluster, finding, a, b, check }: { cluster: string; finding: string; a: string; b: string; check: string },
) {
  // The audit page is an admin's: the admin's session (the first) serves every client there.
  const endpoints: (Endpoint & { adminOnly?: boolean })[] = [
    { name: "page /", path: "/" },
    { name: "page /clusters/[id]", path: `/clusters/${cluster}` },
    { name: "page /findings (all, open)", path: "/findings" },
    {
      name: "page /findings cluster+layer",
      path: `/findings?cluster=${cluster}&layer=pod,container&severity=critical,high`,
    },
    { name: "page /findings by resource", path: "/findings?sort=resource&status=all" },
    { name: "page /findings/[id]", path: `/findings/${finding}` },
    { name: "page /reports 30 d", path: "/reports?days=30" },
    { name: "page /reports 90 d", path: "/reports?days=90" },
    { name: "page /reports 365 d", path: "/reports?days=365" },
    { name: "page /frameworks", path: "/frameworks" },
    { name: "page /frameworks/cis-kubernetes", path: "/frameworks/cis-kubernetes" },
    { name: "page /frameworks/cis-kubernetes cluster", path: `/frameworks/cis-kubernetes?cluster=${cluster}` },
    { name: "page /frameworks/cis-kubernetes/5.1.1", path: "/frameworks/cis-kubernetes/5.1.1" },
    { name: "page /compare", path: `/compare?a=${a}&b=${b}` },
    { name: "page /checks", path: "/checks" },
    { name: "page /checks/[id]", path: `/checks/${check}` },
    { name: "page /audit", path: "/audit", adminOnly: true },
    { name: "page /suppressions", path: "/suppressions" },
    { name: "api /api/clusters", path: "/api/clusters" },
    { name: "api /api/clusters/[id]/posture", path: `/api/clusters/${cluster}/posture` },
    { name: "api /api/findings (all, open)", path: "/api/findings" },
    { name: "api /api/findings suppressed", path: "/api/findings?status=suppressed" },
    { name: "api /api/findings resolved", path: "/api/findings?status=resolved&sort=newest" },
    { name: "api /api/findings cluster", path: `/api/findings?cluster=${cluster}&severity=critical,high` },
    { name: "api /api/suppressions", path: "/api/suppressions" },
    { name: "api /api/attestations", path: "/api/attestations" },
    { name: "api /api/checks", path: "/api/checks" },
    { name: "api /api/audit", path: "/api/audit", adminOnly: true },
    { name: "api /api/metrics", path: "/api/metrics" },
  ];
  if (args.only) endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => new RegExp(args.only!).test(e.name)));
  const overview = await get(base, "/", cookies[0]!, { decode: true });
  console.log(
    `\nOverview HTML: ${(overview.bytes / 1024).toFixed(0)} KB at ${shape.clusters} clusters (goal < 200 KB), status ${overview.status}`,
  );
  // Warm-up: each endpoint a few times over several connections, so every web worker has loaded its code.
  for (const e of endpoints) {
    const r = await load(base, e, 4, 8, e.adminOnly ? [cookies[0]!] : cookies);
    if (r.errors) console.log(`  warm-up ${e.name}: ${r.firstError}`);
  }
  const rssBefore = rssMb(pid);
  for (const users of args.levels!.split(",").map(Number)) {
    const rows = [];
    for (const e of endpoints)
      rows.push(await load(base, e, users, Math.max(20, users * 10), e.adminOnly ? [cookies[0]!] : cookies));
    printStats(
      `${users} concurrent user${users === 1 ? "" : "s"} (goal: p95 ${users >= 50 ? "< 1,000 ms, no errors" : "< 300 ms"}); web server RSS now ${rssMb(pid)} MB`,
      rows,
      users >= 50 ? 1000 : 300,
    );
  }
  console.log(`\nRSS across the load runs: ${rssBefore} → ${rssMb(pid)} MB`);

  const total = Number(args.soak);
  if (total > 0) {
    const browsing = endpoints.filter((e) => !e.adminOnly);
    const { samples, errors } = await soak(base, browsing, 10, total, cookies, pid);
    const warm = samples.find((s) => s.done >= Math.min(500, total / 10)) ?? samples[0]!;
    const peak = Math.max(...samples.filter((s) => s.done >= warm.done).map((s) => s.rss));
    const every = Math.max(1, Math.floor(samples.length / 20));
    console.log(
      `\nSoak: ${total.toLocaleString("en")} requests over ${browsing.length} endpoints by 10 users, ${errors} errors`,
    );
    console.log(
      `  RSS (MB) every ~${every} s: ${samples
        .filter((_, i) => i % every === 0 || i === samples.length - 1)
        .map((s) => `${s.done}:${s.rss}`)
        .join(" ")}`,
    );
    console.log(
      `  after warm-up (${warm.done} requests) ${warm.rss} MB, peak ${peak} MB, end ${samples.at(-1)!.rss} MB: growth ${peak - warm.rss} MB (goal < 100 MB)`,
    );
  }

  if (!args["no-plans"]) await explainMainQueries({ cluster, a, b });
}
