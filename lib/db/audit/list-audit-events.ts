import type { AuditEventRow, AuditFilters } from "@/lib/contracts/audit";

import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";
import { streamQueryCsv } from "../stream-csv";

const PAGE = 100;

function auditWhere(filters: AuditFilters, values: unknown[]): string {
  const add = (v: unknown) => `$${values.push(v)}`;
  const where: string[] = [];
  if (filters.action) where.push(`action LIKE ${add(`${filters.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
  if (filters.actor) where.push(`"actorEmail" = ${add(filters.actor.toLowerCase())}`);
  if (filters.from) where.push(`at >= ${add(filters.from)}::date`);
  if (filters.to) where.push(`at < ${add(filters.to)}::date + 1`);
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
}

// The table's id is named in ORDER BY: a bare `id` would sort the text output column ("10" < "9").
const COLUMNS = `id::text, ${isoUtc("at")} AS at, "actorEmail", ip, action, "targetType", "targetId", details::text AS details`;

/** Newest first, 100 a page, by id keyset. */
export async function listAuditEvents(
  filters: AuditFilters,
): Promise<{ data: AuditEventRow[]; nextCursor: string | null }> {
  const values: unknown[] = [];
  let where = auditWhere(filters, values);
  if (filters.cursor) where = `${where ? `${where} AND` : "WHERE"} id < ${`$${values.push(filters.cursor)}`}::bigint`;
  const { rows } = await getPool().query<AuditEventRow>(
    `SELECT ${COLUMNS} FROM audit_event ${where} ORDER BY audit_event.id DESC LIMIT ${PAGE + 1}`,
    values,
  );
  return { data: rows.slice(0, PAGE), nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

export const AUDIT_CSV_HEADER = ["id", "at", "actor", "ip", "action", "target_type", "target_id", "details"];

/** Every matching event, oldest first, as a CSV stream (see streamQueryCsv): the log only grows. */
export function streamAuditCsv(filters: AuditFilters): Promise<ReadableStream<Uint8Array>> {
  const values: unknown[] = [];
  const columns = `id::text, ${isoUtc("at")}, coalesce("actorEmail", ''), coalesce(ip, ''), action, coalesce("targetType", ''), coalesce("targetId", ''), details::text`;
  return streamQueryCsv(
    `SELECT ${columns} FROM audit_event ${auditWhere(filters, values)} ORDER BY audit_event.id ASC`,
    values,
    AUDIT_CSV_HEADER,
  );
}
