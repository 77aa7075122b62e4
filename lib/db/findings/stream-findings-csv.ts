import { getCheckTitle } from "@/lib/checks/get-check-title";
import type { FindingFilters } from "@/lib/contracts/findings";

import { isoUtc } from "../sql-fragments";
import { streamQueryCsv } from "../stream-csv";
import { FINDING_FROM, FINDING_SORT, findingKeyset, findingWhere } from "./finding-sql";
import { resolveSnapshotRef } from "./resolve-snapshot-ref";

export const CSV_HEADER = [
  "cluster",
  "snapshot_time",
  "layer",
  "check_id",
  "check_title",
  "severity",
  "status",
  "resource_kind",
  "namespace",
  "name",
  "container",
  "message",
  "first_seen",
  "last_seen",
  "resolved_at",
  "suppression_reason",
  "suppression_approver",
  "suppression_expires",
];
/**
 * The findings matching the filters as a CSV byte stream (UTF-8, header row, one row per
 * finding, with the check's title beside its id), streamed from a cursor (see streamQueryCsv).
 */
export async function streamFindingsCsv(filters: FindingFilters): Promise<ReadableStream<Uint8Array>> {
  const snapshot = await resolveSnapshotRef(filters.snapshot);
  const values: unknown[] = [];
  const where = findingWhere(filters, values, snapshot);
  const snapshotTime = snapshot
    ? `$${values.push(snapshot.startedAt)}::text`
    : `CASE WHEN f."lastSeq" IS NULL THEN ${isoUtc('l."startedAt"')} ELSE ${isoUtc('f."lastSeenAt"')} END`;
  const iso = (col: string) => `coalesce(${isoUtc(col)}, '')`;
  const text = `
    WITH latest AS (SELECT DISTINCT ON ("clusterId") "clusterId", "startedAt" FROM snapshot WHERE status IN ('succeeded', 'partial') ORDER BY "clusterId", seq DESC)
    SELECT c.name, ${snapshotTime}, f.layer::text, f."checkId", f.severity::text,
           CASE WHEN f."lastSeq" IS NOT NULL THEN 'resolved' WHEN sup.id IS NOT NULL THEN 'accepted risk' ELSE 'open' END,
           f."resourceKind", f.namespace, f."resourceName", f.container, f.message, ${iso('f."firstSeenAt"')}, ${iso('f."lastSeenAt"')}, ${iso('f."resolvedAt"')},
           coalesce(sup.reason, ''), coalesce(sup.approver, ''), ${iso('sup."expiresAt"')}
    FROM ${FINDING_FROM} LEFT JOIN latest l ON l."clusterId" = f."clusterId"
    ${where} ${findingKeyset(FINDING_SORT[filters.sort], undefined, values).orderBy}`;

  return streamQueryCsv(text, values, CSV_HEADER, (rows) => {
    for (const r of rows) r.splice(4, 0, getCheckTitle(r[3]!));
  });
}
