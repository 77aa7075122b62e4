import type { PoolClient } from "pg";

import { LAYERS, SEVERITIES, type Layer, type Severity } from "@/lib/checks/types";
import type { Scores } from "@/lib/scoring/score";
import { tallyFindings, type FindingGroup } from "@/lib/scoring/tally-findings";

import { acceptedNow } from "../sql-fragments";

export type ScoreRevision = {
  snapshotId: string;
  clusterId: string;
  takenAt: Date;
  scores: Scores;
  revision: number;
  cause: string | null;
};

/**
 * The cluster's open findings counted per layer and severity, split by whether an accepted risk
 * covers them. Counted from the stored rows (one per check, resource and container), after a
 * scan has merged them, so each figure is the number of rows its findings link lists.
 */
async function countOpenFindings(client: PoolClient, clusterId: string): Promise<FindingGroup[]> {
  const { rows } = await client.query<{ layer: Layer; severity: Severity; accepted: boolean; n: number }>(
    `SELECT f.layer::text AS layer, f.severity::text AS severity, ${acceptedNow("f")} AS accepted, count(*)::int AS n
     FROM finding f WHERE f."clusterId" = $1 AND f."lastSeq" IS NULL GROUP BY 1, 2, 3`,
    [clusterId],
  );
  return rows;
}

/**
 * Writes a snapshot's per-layer and overall scores as one revision: the scores from the checks,
 * and beside them the open findings not covered by an accepted risk (failed, and by severity)
 * and those covered (suppressed). The previous revision stays for the trend, no longer current.
 */
export async function writeScoreRevision(client: PoolClient, r: ScoreRevision): Promise<void> {
  const tally = tallyFindings(await countOpenFindings(client, r.clusterId));
  const rows = [null, ...LAYERS].map((layer) => {
    const s = layer === null ? r.scores.overall : r.scores.layers[layer];
    const t = layer === null ? tally.overall : tally.layers[layer];
    return [
      layer,
      s.score,
      s.grade,
      s.coverage,
      s.evaluated,
      t.failed,
      t.suppressed,
      ...SEVERITIES.map((sev) => t[sev]),
    ];
  });
  const col = (i: number) => rows.map((row) => row[i]);
  await client.query(`UPDATE layer_score SET current = false WHERE "snapshotId" = $1 AND current`, [r.snapshotId]);
  await client.query(
    `INSERT INTO layer_score ("snapshotId", "clusterId", "takenAt", revision, cause, layer, score, grade, coverage, evaluated, failed, suppressed, critical, high, medium, low)
     SELECT $1, $2, $3, $4, $5, * FROM unnest($6::"Layer"[], $7::float8[], $8::text[], $9::float8[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[])`,
    [
      r.snapshotId,
      r.clusterId,
      r.takenAt,
      r.revision,
      r.cause,
      col(0),
      col(1),
      col(2),
      col(3),
      col(4),
      col(5),
      col(6),
      col(7),
      col(8),
      col(9),
      col(10),
    ],
  );
}
