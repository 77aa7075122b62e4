// Seeds a fleet into a migrated database, server-side (generate_series / INSERT … SELECT), so
// 10,000,000 finding lifetimes take minutes. Used by bench-fleet.ts.
import type pg from "pg";

import { ALL_CHECKS } from "@/lib/checks/registry";
import { copyClosedLifetimes } from "@/lib/db/findings/copy-closed-lifetimes";
import { writeFailingChecks } from "@/lib/db/findings/write-failing-checks";
import { writeControlCounts } from "@/lib/db/frameworks/control-counts";
import { rebuildFindingRollup } from "@/lib/db/reports/rebuild-finding-rollup";
import { ALL_FRAMEWORKS } from "@/lib/frameworks/registry";
import { frameworkVersion } from "@/lib/frameworks/types";

export type FleetShape = {
  clusters: number;
  days: number;
  findings: number;
  namespaces: number;
  acceptedRisks: number;
  controlSnapshots: number;
};

/** 100 clusters, two years of daily scans, 10M lifetimes at scale 1; smaller fleets at --scale below 1. */
export function fleetShape(scale: number): FleetShape {
  return {
    clusters: Math.max(10, Math.round(100 * Math.sqrt(Math.min(scale, 1)))),
    days: Math.max(60, Math.round(730 * Math.min(scale * 10, 1))),
    findings: Math.round(10_000_000 * scale),
    namespaces: 30,
    acceptedRisks: Math.max(50, Math.round(1_000 * Math.min(scale * 10, 1))),
    // control statuses are stored per scan; the latest 30 of each cluster are enough for every page
    controlSnapshots: 30,
  };
}

/** Pod and container checks give most findings in real scans (one per workload or container); node checks the fewest. */
const LAYER_WEIGHT: Record<string, number> = { node: 1, network: 2, secrets: 3, pod: 8, container: 10 };

const say = (s: string) => console.log(`[seed] ${s}`);

async function timed(client: pg.Client, what: string, sql: string, values: unknown[] = []) {
  const t = performance.now();
  const r = await client.query(sql, values);
  say(`${what}: ${(r.rowCount ?? 0).toLocaleString("en")} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

export async function seedFleet(client: pg.Client, shape: FleetShape, userIds: string[]): Promise<void> {
  const { clusters: C, days: D, namespaces: NS } = shape;
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query("SET work_mem = '256MB'");
  // Scan times: cluster c's seq s ran at (today - D + s) days, at the cluster's own minute of the day.
  const at = (c: string, s: string) =>
    `date_trunc('day', now() AT TIME ZONE 'UTC') - interval '${D} days' + (${s}) * interval '1 day' + (${c} % 600) * interval '1 minute'`;
  await timed(
    client,
    "clusters",
    `INSERT INTO cluster (id, name, source, "contextName", "updatedAt") SELECT 'fleet-' || lpad(g::text, 3, '0'), 'cluster-' || lpad(g::text, 3, '0'), 'kubeconfig_context', 'ctx-' || g, now() FROM generate_series(1, ${C}) g`,
  );
  // Every 97th scan failed (no scores); every 10th cluster's latest scan failed too.
  await timed(
    client,
    "snapshots",
    `
    INSERT INTO snapshot (id, "clusterId", seq, status, trigger, "startedAt", "finishedAt", "findingCount", error)
    SELECT 'snap-' || c || '-' || s, 'fleet-' || lpad(c::text, 3, '0'), s,
           (CASE WHEN s % 97 = 0 OR (s = ${D} + 1) THEN 'failed' ELSE 'succeeded' END)::"SnapshotStatus", 'schedule',
           ${at("c", "s")}, ${at("c", "s")} + interval '40 seconds', 0, CASE WHEN s % 97 = 0 OR s = ${D} + 1 THEN 'the API server did not answer in time' END
    FROM generate_series(1, ${C}) c CROSS JOIN LATERAL generate_series(1, CASE WHEN c % 10 = 0 THEN ${D} + 1 ELSE ${D} END) s`,
  );
  // Overall + five layers per completed scan; scores drift with the cluster and the day.
  await timed(
    client,
    "layer scores",
    `
    INSERT INTO layer_score ("snapshotId", "clusterId", "takenAt", layer, score, grade, coverage, evaluated, failed, suppressed, critical, high, medium, low)
    SELECT s.id, s."clusterId", s."startedAt", l, sc, CASE WHEN sc >= 90 THEN 'A' WHEN sc >= 80 THEN 'B' WHEN sc >= 70 THEN 'C' WHEN sc >= 60 THEN 'D' ELSE 'F' END,
           1, 60, f, f / 20, f / 25, f / 5, f / 3, f - f / 25 - f / 5 - f / 3
    FROM snapshot s CROSS JOIN unnest(ARRAY[NULL, 'node', 'network', 'secrets', 'pod', 'container']::"Layer"[]) l
    CROSS JOIN LATERAL (SELECT (55 + (hashtext(s."clusterId") & 31) + (s.seq % 13))::float8 AS sc, 20 + (hashtext(s.id || coalesce(l::text, '')) & 1023) AS f) v
    WHERE s.status = 'succeeded'`,
  );
  await timed(
    client,
    "namespace scores",
    `
    INSERT INTO namespace_score ("snapshotId", "clusterId", "takenAt", namespace, score, grade, failed)
    SELECT s.id, s."clusterId", s."startedAt", 'ns-' || n, (40 + (hashtext(s.id) + n) % 60)::float8, 'C', (hashtext(s.id) + n) & 127
    FROM snapshot s CROSS JOIN generate_series(0, ${NS - 1}) n WHERE s.status = 'succeeded'`,
  );
  // Framework control statuses as the app stores them per scan, for each cluster's latest scans.
  const controls = ALL_FRAMEWORKS.flatMap((f) =>
    f.controls.map((c, i) => ({
      f: f.id,
      v: frameworkVersion(f),
      id: c.id,
      pos: i,
      section: c.section,
      title: c.title,
      by: c.judged.by,
      checks: c.judged.by === "automated" ? c.judged.checks : [],
    })),
  );
  await client.query(
    `CREATE TEMP TABLE ctl AS SELECT * FROM json_to_recordset($1::json) AS x(f text, v text, id text, pos int, section text, title text, by text, checks text[])`,
    [JSON.stringify(controls)],
  );
  await timed(
    client,
    "control statuses",
    `
    INSERT INTO control_status ("snapshotId", "clusterId", "takenAt", "frameworkId", "frameworkVersion", "controlId", position, section, title, status, checks, "failingCount", "evaluatedCount", reason, attested)
    SELECT s.id, s."clusterId", s."startedAt", ctl.f, ctl.v, ctl.id, ctl.pos, ctl.section, ctl.title,
           CASE ctl.by WHEN 'manual' THEN 'manual' WHEN 'not-applicable' THEN 'not-applicable' ELSE (CASE WHEN hashtext(s.id || ctl.id) & 3 = 0 THEN 'pass' ELSE 'fail' END) END,
           ctl.checks, CASE WHEN ctl.by = 'automated' THEN hashtext(s.id || ctl.id) & 63 ELSE 0 END, 120,
           CASE ctl.by WHEN 'manual' THEN 'evidence needed' WHEN 'not-applicable' THEN 'not applicable' END, CASE WHEN ctl.by = 'manual' THEN false END
    FROM snapshot s CROSS JOIN ctl WHERE s.status = 'succeeded' AND s.seq > ${D} - ${shape.controlSnapshots}`,
  );

  // Finding lifetimes over the catalog's real checks, layers and severities, weighted like real scans.
  const picks = ALL_CHECKS.flatMap((c) => Array.from({ length: LAYER_WEIGHT[c.layer] ?? 1 }, () => c));
  const indexes = (
    await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'finding' AND indexname <> 'finding_pkey'`,
    )
  ).rows;
  for (const i of indexes) await client.query(`DROP INDEX "${i.indexname}"`);
  // g: lifetime number; c: cluster; 35% still open, the rest closed by a later scan; first seen on any day.
  // Inserted in scan order (day, then cluster), as scans insert the lifetimes they open together.
  await timed(
    client,
    "finding lifetimes",
    `
    INSERT INTO finding ("clusterId", fingerprint, "checkId", layer, severity, "resourceKind", namespace, "resourceName", container, message, "firstSeq", "lastSeq", "firstSeenAt", "lastSeenAt", "resolvedAt")
    SELECT 'fleet-' || lpad(c::text, 3, '0'), md5(g::text), ($1::text[])[k], ($2::"Layer"[])[k], ($3::"Severity"[])[k],
           (ARRAY['Deployment','StatefulSet','DaemonSet','Job','CronJob','Pod'])[1 + g % 6], 'ns-' || (g / 7) % ${NS}, 'workload-' || (g / 3) % 5000,
           CASE WHEN ($2::"Layer"[])[k] = 'container' THEN 'app' ELSE '' END, 'finding #' || g || ' of ' || ($1::text[])[k],
           fs, ls, ${at("c", "fs")}, CASE WHEN ls IS NOT NULL THEN ${at("c", "ls")} END, CASE WHEN ls IS NOT NULL THEN ${at("c", "ls + 1")} END
    FROM (SELECT g, 1 + g % ${C} AS c, 1 + (hashtext(g::text) & 2147483647) % $4 AS k,
                 1 + (hashtext('f' || g) & 2147483647) % ${D} AS fs, (hashtext('o' || g) & 2147483647) % 100 AS o FROM generate_series(1, ${shape.findings}) g) x
    CROSS JOIN LATERAL (SELECT CASE WHEN o < 35 OR fs >= ${D} - 1 THEN NULL ELSE fs + (hashtext('l' || g) & 2147483647) % (${D} - 1 - fs) END AS ls) y
    ORDER BY fs, c`,
    [picks.map((c) => c.id), picks.map((c) => c.layer), picks.map((c) => c.severity), picks.length],
  );
  const t = performance.now();
  for (const i of indexes) await client.query(i.indexdef);
  say(`finding indexes rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // What each completed scan saw, as a scan stores it when it completes (compare reads it): the
  // lifetimes open at its seq, from each cluster's running sum of lifetimes begun and ended.
  await timed(
    client,
    "snapshots' seen counts",
    `
    WITH e AS (SELECT "clusterId", "firstSeq" AS seq, 1 AS d FROM finding
               UNION ALL SELECT "clusterId", "lastSeq" + 1, -1 FROM finding WHERE "lastSeq" IS NOT NULL
               UNION ALL SELECT "clusterId", seq, 0 FROM snapshot),
         n AS (SELECT "clusterId", seq, sum(sum(d)) OVER (PARTITION BY "clusterId" ORDER BY seq)::int AS n FROM e GROUP BY "clusterId", seq)
    UPDATE snapshot s SET "seenCount" = n.n FROM n
     WHERE n."clusterId" = s."clusterId" AND n.seq = s.seq AND s.status IN ('succeeded', 'partial')`,
  );

  // Accepted risks of every scope (cluster-wide, one namespace, one resource) and every status.
  await timed(
    client,
    "accepted risks",
    `
    INSERT INTO suppression (id, "clusterId", "checkId", namespace, "resourcePattern", reason, "authorId", "approverId", status, "expiresAt", "approvedAt", "updatedAt")
    SELECT 'risk-' || g, 'fleet-' || lpad((1 + g % ${C})::text, 3, '0'), ($1::text[])[1 + g % $2],
           CASE WHEN g % 3 > 0 THEN 'ns-' || g % ${NS} END, CASE WHEN g % 3 = 2 THEN 'Deployment/workload-' || g % 5000 END,
           'accepted for the benchmark #' || g, $3, $4,
           (ARRAY['active','active','active','pending','revoked','expired'])[1 + g % 6]::"SuppressionStatus",
           now() + (CASE WHEN g % 6 = 5 THEN -1 ELSE 1 END) * interval '30 days', now() - interval '10 days', now()
    FROM generate_series(1, ${shape.acceptedRisks}) g`,
    [ALL_CHECKS.map((c) => c.id), ALL_CHECKS.length, userIds[0], userIds[1] ?? userIds[0]],
  );
  await timed(
    client,
    "audit events",
    `INSERT INTO audit_event (at, "actorId", action, "targetType", "targetId") SELECT now() - g * interval '1 minute', $1, (ARRAY['auth.sign-in','scan.started','suppression.approved'])[1 + g % 3], 'cluster', 'fleet-001' FROM generate_series(1, 20000) g`,
    [userIds[0]],
  );
  await client.query(`UPDATE snapshot s SET "findingCount" = 1000 WHERE status = 'succeeded'`);

  // Churn without VACUUM FULL: messages and severities rewritten, old revisions of scores, some rows deleted.
  await timed(
    client,
    "churn: findings updated",
    `UPDATE finding SET message = message || ' (changed)' WHERE id % 20 = 0`,
  );
  await timed(
    client,
    "churn: score revisions",
    `
    INSERT INTO layer_score ("snapshotId", "clusterId", "takenAt", layer, score, grade, coverage, evaluated, failed, suppressed, critical, high, medium, low, revision, current, cause)
    SELECT "snapshotId", "clusterId", "takenAt", layer, score - 1, grade, coverage, evaluated, failed + 1, suppressed, critical, high, medium, low, 1, false, 'accepted risk revoked'
    FROM layer_score WHERE id % 25 = 0`,
  );
  await timed(client, "churn: findings deleted", `DELETE FROM finding WHERE id % 500 = 7 AND "lastSeq" IS NOT NULL`);
  await timed(client, "churn: namespace scores deleted", `DELETE FROM namespace_score WHERE id % 200 = 3`);
  const r = performance.now();
  // (a database of a version before finding_rollup has nothing to rebuild: lets the same seed measure the old code)
  if ((await client.query(`SELECT to_regclass('finding_rollup') AS t`)).rows[0].t) await rebuildFindingRollup(client);
  if ((await client.query(`SELECT to_regclass('finding_closed') AS t`)).rows[0].t) {
    const c = performance.now();
    const n = await copyClosedLifetimes(client, null);
    say(`closed lifetimes: ${n.toLocaleString("en")} rows in ${((performance.now() - c) / 1000).toFixed(1)} s`);
  }
  if ((await client.query(`SELECT to_regclass('failing_check') AS t`)).rows[0].t)
    await writeFailingChecks(client, null);
  if ((await client.query(`SELECT to_regclass('control_status_count') AS t`)).rows[0].t)
    await writeControlCounts(client, null);
  say(
    `finding rollups, checks failing now and control counts rebuilt in ${((performance.now() - r) / 1000).toFixed(1)} s`,
  );
  const v = performance.now();
  await client.query("VACUUM ANALYZE");
  say(`VACUUM ANALYZE in ${((performance.now() - v) / 1000).toFixed(1)} s`);
}
