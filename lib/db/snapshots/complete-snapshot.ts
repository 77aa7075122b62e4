import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

import type { CheckResult, Finding } from "@/lib/checks/types";
import { POD_BEARING_KINDS, type CollectionWarning, type HeldFindings } from "@/lib/inventory/types";
import { storedChecksOf, type Scores } from "@/lib/scoring/score";

import { writeFailingChecks } from "../findings/write-failing-checks";
import { getPool } from "../pool";
import { writeFindingRollup } from "../reports/write-finding-rollup";
import { fingerprintOf } from "./fingerprint";
import { writeScoreRevision } from "./write-scores";

export type SnapshotOutcome = {
  snapshotId: string;
  clusterId: string;
  seq: number;
  takenAt: Date;
  results: CheckResult[];
  /** The scan's findings, merged per check, resource and container (lib/checks/merge-findings): one row each. */
  findings: Finding[];
  scores: Scores;
  namespaceScores: Map<string, Scores>;
  warnings: CollectionWarning[];
  objectCounts: Record<string, number>;
  kubernetesVersion: string | null;
  phases: Record<string, number>;
  /** Checks switched off in the settings: their open findings close, as no longer reported. */
  disabledChecks?: readonly string[];
  /** Findings of kinds that could not be read, and of objects derived from them: kept open as they were. */
  held?: HeldFindings;
};

export type CompletedSnapshot = {
  status: "succeeded" | "partial";
  newCount: number;
  resolvedCount: number;
  changedCount: number;
  findingCount: number;
};

/** The merged findings as columns, one row per fingerprint (check, resource, container). */
function columns(findings: Finding[]) {
  const cols = {
    fp: [] as string[],
    check: [] as string[],
    layer: [] as string[],
    sev: [] as string[],
    kind: [] as string[],
    ns: [] as string[],
    name: [] as string[],
    ctr: [] as string[],
    msg: [] as string[],
  };
  for (const f of findings) {
    cols.fp.push(fingerprintOf(f));
    cols.check.push(f.checkId);
    cols.layer.push(f.layer);
    cols.sev.push(f.severity);
    cols.kind.push(f.resource.kind);
    cols.ns.push(f.resource.namespace);
    cols.name.push(f.resource.name);
    cols.ctr.push(f.container ?? "");
    cols.msg.push(f.message);
  }
  return cols;
}

/**
 * Persists a finished scan in one transaction, so readers never see half a snapshot:
 * findings as lifetimes (new ones opened, gone ones closed, changed messages updated; an
 * unchanged open finding costs no write), per-layer and per-namespace scores, and the
 * snapshot's status. Findings of checks that were not evaluated this time, and findings on
 * kinds that could not be read (or on objects standing in for them), are neither opened nor
 * closed: a 403 or a failing list must not look like a fix. Findings of checks switched off are closed.
 */
export async function completeSnapshot(o: SnapshotOutcome): Promise<CompletedSnapshot> {
  const held = heldFindings(o.held);
  const findings = o.findings.filter((f) => !held.isHeldCheck(f.checkId) || held.readKinds.includes(f.resource.kind));
  const evaluatedChecks = [
    ...o.results.filter((r) => r.status === "evaluated").map((r) => r.checkId),
    ...(o.disabledChecks ?? []),
  ];
  const c = columns(findings);
  const client = await getPool().connect();
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    // A retried job may find its snapshot already completed (the first commit succeeded but its
    // acknowledgement was lost): then there is nothing to do, and nothing is written twice.
    const current = await client.query<{ status: string }>(`SELECT status FROM snapshot WHERE id = $1 FOR UPDATE`, [
      o.snapshotId,
    ]);
    if (current.rows[0]?.status !== "running") {
      await client.query("ROLLBACK");
      // Given up on meanwhile (its heartbeat went stale while the database was away): say so.
      if (current.rows[0]?.status === "failed")
        throw new Error(`snapshot ${o.snapshotId} was marked failed before its results could be written`);
      return {
        status: current.rows[0]?.status === "partial" ? "partial" : "succeeded",
        newCount: 0,
        resolvedCount: 0,
        changedCount: 0,
        findingCount: c.fp.length,
      };
    }
    const prev = await client.query<{ startedAt: Date }>(
      `SELECT "startedAt" FROM snapshot WHERE "clusterId" = $1 AND seq < $2 AND status IN ('succeeded', 'partial') ORDER BY seq DESC LIMIT 1`,
      [o.clusterId, o.seq],
    );
    const hasOpen =
      (await client.query(`SELECT 1 FROM finding WHERE "clusterId" = $1 AND "lastSeq" IS NULL LIMIT 1`, [o.clusterId]))
        .rowCount !== 0;
    let counts: { opened: number; changed: number; closed: number };
    if (!hasOpen) {
      // Nothing open yet (a first scan, or everything was fixed): every finding opens a lifetime,
      // so stream them straight into the table.
      await copyRows(
        client,
        c,
        `COPY finding ("fingerprint", "checkId", layer, severity, "resourceKind", namespace, "resourceName", container, message, "clusterId", "firstSeq", "firstSeenAt") FROM STDIN`,
        [o.clusterId, String(o.seq), o.takenAt.toISOString()],
      );
      counts = { opened: c.fp.length, changed: 0, closed: 0 };
    } else {
      counts = await mergeLifetimes(client, o, c, evaluatedChecks, held, prev.rows[0]?.startedAt ?? o.takenAt);
    }
    await insertScores(client, o);
    await writeFindingRollup(client, o.clusterId, o.seq, o.takenAt);
    await writeFailingChecks(client, o.clusterId, { snapshotId: o.snapshotId });
    const status = o.warnings.length > 0 ? "partial" : "succeeded";
    const result = {
      status,
      newCount: counts.opened,
      resolvedCount: counts.closed,
      changedCount: counts.changed,
      findingCount: c.fp.length,
    } as const;
    const notEvaluated = o.results.flatMap((r) =>
      r.status === "not-evaluated" ? [{ checkId: r.checkId, reason: r.reason }] : [],
    );
    await client.query(
      `UPDATE snapshot SET status = $2, "finishedAt" = now(), "kubernetesVersion" = $3, "objectCounts" = $4, warnings = $5, phases = $6,
         "newCount" = $7, "resolvedCount" = $8, "findingCount" = $9, "notEvaluated" = $10, checks = $11,
         -- The lifetimes it saw: every one open now (this scan's merge is written), held ones included.
         "seenCount" = (SELECT count(*)::int FROM finding WHERE "clusterId" = $12 AND "lastSeq" IS NULL) WHERE id = $1`,
      [
        o.snapshotId,
        status,
        o.kubernetesVersion,
        JSON.stringify(o.objectCounts),
        JSON.stringify(o.warnings),
        JSON.stringify(o.phases),
        result.newCount,
        result.resolvedCount,
        result.findingCount,
        JSON.stringify(notEvaluated),
        JSON.stringify(storedChecksOf(o.results)),
        o.clusterId,
      ],
    );
    await client.query("COMMIT");
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    // A connection that failed is closed, not handed to the next caller.
    client.release(failure);
  }
}

/** What a scan must leave as it was, with the workload kinds it did read. */
function heldFindings(held: HeldFindings | undefined) {
  const h = { kinds: held?.kinds ?? [], resources: held?.resources ?? [], checks: held?.checks ?? [] };
  const checks = new Set(h.checks);
  return {
    ...h,
    readKinds: POD_BEARING_KINDS.filter((k) => !h.kinds.includes(k)) as string[],
    isHeldCheck: (id: string) => checks.has(id),
  };
}

/**
 * Against open lifetimes: stage the current findings in a temporary table, then open the new,
 * update the changed and close the gone (only for checks evaluated this time).
 */
async function mergeLifetimes(
  client: PoolClient,
  o: SnapshotOutcome,
  c: ReturnType<typeof columns>,
  evaluatedChecks: string[],
  held: ReturnType<typeof heldFindings>,
  previousAt: Date,
) {
  await client.query(
    `CREATE TEMP TABLE cur (fp text, "checkId" text, layer "Layer", severity "Severity", kind text, ns text, name text, ctr text, msg text) ON COMMIT DROP`,
  );
  await copyRows(client, c, "COPY cur FROM STDIN");
  // Statistics let the planner pick hash joins over 500k index probes.
  await client.query("ANALYZE cur");
  const opened = await client.query(
    `INSERT INTO finding ("clusterId", fingerprint, "checkId", layer, severity, "resourceKind", namespace, "resourceName", container, message, "firstSeq", "firstSeenAt")
     SELECT $1, cur.fp, cur."checkId", cur.layer, cur.severity, cur.kind, cur.ns, cur.name, cur.ctr, cur.msg, $2, $3 FROM cur
     WHERE NOT EXISTS (SELECT 1 FROM finding f WHERE f."clusterId" = $1 AND f."lastSeq" IS NULL AND f.fingerprint = cur.fp)`,
    [o.clusterId, o.seq, o.takenAt],
  );
  const changed = await client.query(
    `UPDATE finding f SET message = cur.msg, severity = cur.severity FROM cur
     WHERE f."clusterId" = $1 AND f."lastSeq" IS NULL AND f.fingerprint = cur.fp AND f."firstSeq" < $2 AND (f.message <> cur.msg OR f.severity <> cur.severity)`,
    [o.clusterId, o.seq],
  );
  // Each lifetime closed is also written to finding_closed, together: what compare reads of them.
  const closed = await client.query(
    `WITH closed AS (
       UPDATE finding f SET "lastSeq" = $2 - 1, "lastSeenAt" = $3, "resolvedAt" = $4
        WHERE f."clusterId" = $1 AND f."lastSeq" IS NULL AND f."firstSeq" < $2 AND f."checkId" = ANY($5::text[])
          AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.fp = f.fingerprint)
          AND f."resourceKind" <> ALL($6::text[])
          AND NOT EXISTS (SELECT 1 FROM unnest($7::text[], $8::text[], $9::text[]) h(kind, ns, name)
                          WHERE h.kind = f."resourceKind" AND h.ns = f.namespace AND h.name = f."resourceName")
          AND NOT (f."checkId" = ANY($10::text[]) AND f."resourceKind" <> ALL($11::text[]))
       RETURNING f.id, f."clusterId", f."lastSeq", f."firstSeq", f.fingerprint, f.severity, f."checkId")
     INSERT INTO finding_closed ("findingId", "clusterId", "lastSeq", "firstSeq", fingerprint, severity, "checkId")
     SELECT * FROM closed`,
    [
      o.clusterId,
      o.seq,
      previousAt,
      o.takenAt,
      evaluatedChecks,
      held.kinds,
      held.resources.map((r) => r.kind),
      held.resources.map((r) => r.namespace),
      held.resources.map((r) => r.name),
      held.checks,
      held.readKinds,
    ],
  );
  return { opened: opened.rowCount ?? 0, changed: changed.rowCount ?? 0, closed: closed.rowCount ?? 0 };
}

/** Streams the current findings (plus constant trailing columns) with COPY, text format, escaped. */
async function copyRows(
  client: PoolClient,
  c: ReturnType<typeof columns>,
  statement: string,
  trailing: string[] = [],
): Promise<void> {
  const escape = (v: string) =>
    v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  const BATCH = 5_000;
  const tail = trailing.map((t) => `\t${escape(t)}`).join("");
  function* lines() {
    for (let start = 0; start < c.fp.length; start += BATCH) {
      let chunk = "";
      for (let i = start; i < Math.min(start + BATCH, c.fp.length); i++) {
        chunk += `${c.fp[i]}\t${c.check[i]}\t${c.layer[i]}\t${c.sev[i]}\t${escape(c.kind[i]!)}\t${escape(c.ns[i]!)}\t${escape(c.name[i]!)}\t${escape(c.ctr[i]!)}\t${escape(c.msg[i]!)}${tail}\n`;
      }
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(statement)));
}

/** The scores as scanned (revision 0), counted after the merge, and the namespace scores. */
async function insertScores(client: PoolClient, o: SnapshotOutcome): Promise<void> {
  await writeScoreRevision(client, {
    snapshotId: o.snapshotId,
    clusterId: o.clusterId,
    takenAt: o.takenAt,
    scores: o.scores,
    revision: 0,
    cause: null,
  });
  const ns = [...o.namespaceScores.entries()];
  if (ns.length === 0) return;
  await client.query(
    `INSERT INTO namespace_score ("snapshotId", "clusterId", "takenAt", namespace, score, grade, failed)
     SELECT $1, $2, $3, * FROM unnest($4::text[], $5::float8[], $6::text[], $7::int[])`,
    [
      o.snapshotId,
      o.clusterId,
      o.takenAt,
      ns.map(([n]) => n),
      ns.map(([, s]) => s.overall.score),
      ns.map(([, s]) => s.overall.grade),
      ns.map(([, s]) => s.overall.failed),
    ],
  );
}
