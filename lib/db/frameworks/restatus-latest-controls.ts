import type { PoolClient } from "pg";

import type { Finding } from "@/lib/checks/types";
import { ALL_FRAMEWORKS } from "@/lib/frameworks/registry";
import { restatusControl } from "@/lib/frameworks/restatus-control";
import { frameworkVersion, type ControlStatus } from "@/lib/frameworks/types";

import { writeControlCounts } from "./control-counts";
import { STORED_FAILING } from "./save-control-statuses";

type Row = {
  id: string;
  frameworkId: string;
  frameworkVersion: string;
  controlId: string;
  status: ControlStatus;
  reason: string | null;
};
type FindingRow = { checkId: string; kind: string; namespace: string; name: string; message: string };

/**
 * Re-judges the stored control statuses of a snapshot under the accepted risks in force now
 * (inside the caller's transaction), so the framework pages move with the scores. Only rows
 * stored with today's mapping are re-judged: an older mapping's rows keep what they said.
 * Returns how many rows changed.
 */
export async function restatusSnapshotControls(
  client: PoolClient,
  snapshot: { id: string; clusterId: string; seq: number; evaluatedChecks: ReadonlySet<string> },
  isSuppressed: (f: Pick<Finding, "checkId" | "resource">) => boolean,
): Promise<number> {
  const rows = (
    await client.query<Row>(
      `SELECT id::text, "frameworkId", "frameworkVersion", "controlId", status, reason FROM control_status WHERE "snapshotId" = $1`,
      [snapshot.id],
    )
  ).rows;
  if (rows.length === 0) return 0;
  const findings = (
    await client.query<FindingRow>(
      `SELECT "checkId", "resourceKind" AS kind, namespace, "resourceName" AS name, message FROM finding
      WHERE "clusterId" = $1 AND "firstSeq" <= $2 AND ("lastSeq" IS NULL OR "lastSeq" >= $2)`,
      [snapshot.clusterId, snapshot.seq],
    )
  ).rows
    // Findings held open for a check the snapshot could not evaluate are not its findings.
    .filter((f) => snapshot.evaluatedChecks.has(f.checkId))
    .map((f) => ({
      checkId: f.checkId,
      message: f.message,
      resource: { kind: f.kind, namespace: f.namespace, name: f.name },
    }));
  let changed = 0;
  for (const row of rows) {
    const framework = ALL_FRAMEWORKS.find((f) => f.id === row.frameworkId);
    const control =
      framework && frameworkVersion(framework) === row.frameworkVersion
        ? framework.controls.find((c) => c.id === row.controlId)
        : undefined;
    const next = control && restatusControl(control, row, findings, isSuppressed);
    if (!next) continue;
    await client.query(
      `UPDATE control_status SET status = $2, failing = $3::jsonb, "failingCount" = $4 WHERE id = $1::bigint`,
      [row.id, next.status, JSON.stringify(next.failing.slice(0, STORED_FAILING)), next.failing.length],
    );
    changed++;
  }
  if (changed > 0) await writeControlCounts(client, snapshot.id);
  return changed;
}
