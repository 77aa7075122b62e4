import type { AuditEventRow, AuditFilters } from "@/lib/api/schemas/audit";
import { getPool } from "../pool";
import { isoUtc } from "../sql-fragments";

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

const COLUMNS = `id::text, ${isoUtc("at")} AS at, "actorEmail", ip, action, "targetType", "targetId", details::text AS details`;

/** Newest first, 100 a page, by id keyset. */
export async function listAuditEvents(filters: AuditFilters): Promise<{ data: AuditEventRow[]; nextCursor: string | null }> {
  const values: unknown[] = [];
  let where = auditWhere(filters, values);
  if (filters.cursor) where = `${where ? `${where} AND` : "WHERE"} id < ${`$${values.push(filters.cursor)}`}::bigint`;
  const { rows } = await getPool().query<AuditEventRow>(`SELECT ${COLUMNS} FROM audit_event ${where} ORDER BY id DESC LIMIT ${PAGE + 1}`, values);
  return { data: rows.slice(0, PAGE), nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

/** Every matching event, oldest first, for the CSV export (the log is small next to findings). */
export async function listAllAuditEvents(filters: AuditFilters): Promise<AuditEventRow[]> {
  const values: unknown[] = [];
  const { rows } = await getPool().query<AuditEventRow>(`SELECT ${COLUMNS} FROM audit_event ${auditWhere(filters, values)} ORDER BY id ASC LIMIT 1000000`, values);
  return rows;
}
