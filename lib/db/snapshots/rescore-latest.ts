import type { Layer } from "@/lib/checks/types";
import { log } from "@/lib/log";
import { suppressionPredicate } from "@/lib/scoring/match-suppression";
import { rescoreStored, type Scores, type ScoreSummary, type StoredCheck } from "@/lib/scoring/score";

import { writeFailingChecks } from "../findings/write-failing-checks";
import { restatusSnapshotControls } from "../frameworks/restatus-latest-controls";
import { getPool } from "../pool";
import { listActiveRules } from "../suppressions/list-active-rules";
import { writeScoreRevision } from "./write-scores";

type Latest = { id: string; seq: number; checks: StoredCheck[] };
type FindingRow = { checkId: string; kind: string; namespace: string; name: string };
type ScoreRow = {
  layer: Layer | null;
  score: number | null;
  grade: string | null;
  coverage: number;
  evaluated: number;
  failed: number;
  suppressed: number;
};

/** A snapshot scanned before checks were stored cannot be scored again: keep its scores, recount its findings. */
function storedScores(rows: ScoreRow[]): Scores {
  const summary = (r: ScoreRow | undefined): ScoreSummary => ({
    score: r?.score ?? null,
    grade: (r?.grade ?? null) as ScoreSummary["grade"],
    evaluated: r?.evaluated ?? 0,
    failed: r?.failed ?? 0,
    suppressed: r?.suppressed ?? 0,
    coverage: r?.coverage ?? 1,
    notEvaluated: [],
  });
  const of = (layer: Layer) => summary(rows.find((r) => r.layer === layer));
  return {
    overall: summary(rows.find((r) => r.layer === null)),
    layers: {
      node: of("node"),
      network: of("network"),
      secrets: of("secrets"),
      pod: of("pod"),
      container: of("container"),
    },
  };
}

/**
 * Scores a cluster's latest completed snapshot again under the accepted risks in force now, as
 * a new revision dated now with its cause: called when an accepted risk is approved, revoked or
 * expires, so the scorecards and the trend move at once rather than at the next scan.
 * Namespace scores keep their scanned values until the next scan.
 */
export async function rescoreLatestSnapshot(clusterId: string, cause: string, now = new Date()): Promise<void> {
  const rules = await listActiveRules(clusterId, now);
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    // One revision at a time per cluster, so two approvals at once give revisions 1 and 2.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('rescore:' || $1))`, [clusterId]);
    const latest = (
      await client.query<Latest>(
        `SELECT id, seq, checks FROM snapshot WHERE "clusterId" = $1 AND status IN ('succeeded', 'partial') ORDER BY seq DESC LIMIT 1`,
        [clusterId],
      )
    ).rows[0];
    if (!latest) {
      await client.query("ROLLBACK");
      return;
    }
    const current = (
      await client.query<ScoreRow & { revision: number }>(
        `SELECT layer::text AS layer, score, grade, coverage, evaluated, failed, suppressed, revision FROM layer_score WHERE "snapshotId" = $1 AND current`,
        [latest.id],
      )
    ).rows;
    let scores = storedScores(current);
    if (latest.checks.length > 0) {
      const { rows } = await client.query<FindingRow>(
        `SELECT "checkId", "resourceKind" AS kind, namespace, "resourceName" AS name FROM finding
         WHERE "clusterId" = $1 AND "firstSeq" <= $2 AND ("lastSeq" IS NULL OR "lastSeq" >= $2)`,
        [clusterId, latest.seq],
      );
      const findings = rows.map((r) => ({
        checkId: r.checkId,
        resource: { kind: r.kind, namespace: r.namespace, name: r.name },
      }));
      scores = rescoreStored(latest.checks, findings, suppressionPredicate(rules));
    }
    const revision = Math.max(-1, ...current.map((r) => r.revision)) + 1;
    await writeScoreRevision(client, { snapshotId: latest.id, clusterId, takenAt: now, scores, revision, cause });
    // The checks failing now move with the scores: an accepted finding is no longer counted open.
    await writeFailingChecks(client, clusterId, { snapshotId: latest.id, now });
    // Framework statuses move with the scores: accepted findings count as passing there too.
    const evaluatedChecks = new Set(latest.checks.filter((c) => c.status === "evaluated").map((c) => c.checkId));
    if (latest.checks.length > 0)
      await restatusSnapshotControls(
        client,
        { id: latest.id, clusterId, seq: latest.seq, evaluatedChecks },
        suppressionPredicate(rules),
      );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export type AcceptedRiskChange = "created" | "approved" | "changed" | "revoked" | "expired";

/** After an accepted risk took effect, changed or ended: re-scores its cluster (every cluster for a rule without one). */
export async function rescoreForAcceptedRisk(suppressionId: string, change: AcceptedRiskChange): Promise<void> {
  const { rows } = await getPool().query<{ clusterId: string | null; checkId: string }>(
    `SELECT "clusterId", "checkId" FROM suppression WHERE id = $1`,
    [suppressionId],
  );
  const rule = rows[0];
  if (!rule) return;
  const clusters = rule.clusterId
    ? [rule.clusterId]
    : (await getPool().query<{ id: string }>(`SELECT id FROM cluster`)).rows.map((c) => c.id);
  for (const id of clusters) {
    // The change itself is saved: a failed re-score must not report it as failed (the next scan scores it anyway).
    await rescoreLatestSnapshot(id, `accepted risk ${change}: ${rule.checkId}`).catch((error: unknown) =>
      log.warn(
        { clusterId: id, suppressionId, err: error instanceof Error ? error.message : String(error) },
        "re-score after an accepted risk changed failed",
      ),
    );
  }
}

/**
 * A scan scores under the accepted risks in force when it started: one approved, revoked or
 * changed while it ran (wall-clock `since`) re-scores it as soon as it is stored. Expiries are
 * left out: the scan itself marks those and scores them.
 */
export async function rescoreIfRisksChangedSince(clusterId: string, since: Date): Promise<void> {
  const { rows } = await getPool().query<{ checks: string | null }>(
    `SELECT string_agg(DISTINCT "checkId", ', ') AS checks FROM suppression WHERE "clusterId" = $1 AND "updatedAt" > $2 AND status <> 'expired'`,
    [clusterId, since],
  );
  if (rows[0]?.checks)
    await rescoreLatestSnapshot(clusterId, `accepted risk changed during the scan: ${rows[0].checks}`);
}
