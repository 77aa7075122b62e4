import { AppError } from "@/lib/errors";

import { getPool } from "../pool";
import { streamQueryCsv } from "../stream-csv";

export const FRAMEWORK_CSV_HEADER = [
  "control_id",
  "title",
  "section",
  "status",
  "reason_or_evidence_needed",
  "resources_evaluated",
  "failing_resources",
  "snapshot",
  "snapshot_time",
  "framework_version",
  "accepted_risks",
  "attestations",
];

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * One framework's controls in one cluster's snapshot (by default its latest completed one), as
 * CSV: status with the counts behind it, the accepted risks on the control's checks
 * and the attestations of manual controls in force when the snapshot was taken, each with who
 * asked or attested, who approved and until when.
 */
export async function streamFrameworkCsv(
  frameworkId: string,
  clusterId: string,
  snapshotId?: string,
): Promise<ReadableStream<Uint8Array>> {
  if (snapshotId) await checkExportableSnapshot(frameworkId, clusterId, snapshotId);
  return streamQueryCsv(
    `WITH snap AS (
       SELECT cs."snapshotId" AS id FROM control_status cs JOIN snapshot s ON s.id = cs."snapshotId"
        WHERE s.status IN ('succeeded', 'partial') AND cs."frameworkId" = $1 AND cs."clusterId" = $2 AND ($3::text IS NULL OR cs."snapshotId" = $3)
        ORDER BY cs."takenAt" DESC LIMIT 1)
     SELECT cs."controlId", cs.title, cs.section, cs.status, coalesce(cs.reason, ''), cs."evaluatedCount"::text, cs."failingCount"::text,
            s.seq::text, ${ISO(`cs."takenAt"`)}, cs."frameworkVersion",
            coalesce((SELECT string_agg(format('%s%s%s: %s (by %s, approved by %s, until %s)', sp."checkId",
                                               CASE WHEN sp.namespace IS NULL THEN '' ELSE ' in ' || sp.namespace END,
                                               CASE WHEN sp."resourcePattern" IS NULL THEN '' ELSE ' matching ' || sp."resourcePattern" END,
                                               sp.reason, coalesce(author.email, sp."authorId"), coalesce(approver.email, '-'), ${ISO(`sp."expiresAt"`)}), '; ' ORDER BY sp."createdAt")
                        FROM suppression sp
                        LEFT JOIN "user" author ON author.id = sp."authorId"
                        LEFT JOIN "user" approver ON approver.id = sp."approverId"
                       WHERE sp."checkId" = ANY (cs.checks) AND (sp."clusterId" IS NULL OR sp."clusterId" = cs."clusterId")
                         AND sp."approvedAt" <= cs."takenAt" AND sp."expiresAt" > cs."takenAt" AND (sp."revokedAt" IS NULL OR sp."revokedAt" > cs."takenAt")), ''),
            coalesce((SELECT string_agg(format('%s (by %s on %s, approved by %s, until %s)', att.note, coalesce(author.email, att."authorId"), ${ISO(`att."createdAt"`)},
                                               coalesce(approver.email, '-'), ${ISO(`att."expiresAt"`)}), '; ' ORDER BY att."createdAt")
                        FROM attestation att
                        LEFT JOIN "user" author ON author.id = att."authorId"
                        LEFT JOIN "user" approver ON approver.id = att."approverId"
                       WHERE att."clusterId" = cs."clusterId" AND att."frameworkId" = cs."frameworkId" AND att."controlId" = cs."controlId"
                         AND att."approvedAt" <= cs."takenAt" AND att."expiresAt" > cs."takenAt" AND (att."revokedAt" IS NULL OR att."revokedAt" > cs."takenAt")), '')
       FROM control_status cs JOIN snap ON snap.id = cs."snapshotId" JOIN snapshot s ON s.id = cs."snapshotId"
      WHERE cs."frameworkId" = $1
      ORDER BY cs.position`,
    [frameworkId, clusterId, snapshotId ?? null],
    FRAMEWORK_CSV_HEADER,
  );
}

/** A snapshot asked for by id must be a completed scan of that cluster with this framework's statuses: never an empty file. */
async function checkExportableSnapshot(frameworkId: string, clusterId: string, snapshotId: string): Promise<void> {
  const { rowCount } = await getPool().query(
    `SELECT 1 FROM control_status cs JOIN snapshot s ON s.id = cs."snapshotId"
      WHERE s.status IN ('succeeded', 'partial') AND cs."frameworkId" = $1 AND cs."clusterId" = $2 AND cs."snapshotId" = $3 LIMIT 1`,
    [frameworkId, clusterId, snapshotId],
  );
  if (!rowCount)
    throw new AppError("NOT_FOUND", {
      userMessage: `No completed scan ${snapshotId} of this cluster has ${frameworkId} statuses: choose one of its snapshots.`,
    });
}
