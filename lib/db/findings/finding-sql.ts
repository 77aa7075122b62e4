import { SEVERITIES } from "@/lib/checks/types";
import { hasNoControlCharacters, isCalendarDay, isInt8Id } from "@/lib/contracts/fields";
import type { FindingFilters } from "@/lib/contracts/findings";
import { AppError } from "@/lib/errors";

import { acceptedNow, isoUtc as iso, ruleCoversFinding } from "../sql-fragments";

/** A parameterised statement for pg: text with $n placeholders and its values. */
export type Sql = { text: string; values: unknown[] };

/**
 * Findings with their cluster and, for open ones, the accepted risk in force that covers them
 * (the one expiring last). Suppression is decided here, at read time, from the stored rules,
 * so approving, revoking or expiring a rule shows at once in the browser and the export.
 */
export const FINDING_FROM = `finding f JOIN cluster c ON c.id = f."clusterId"
  LEFT JOIN LATERAL (
    SELECT s.id, s.reason, s."expiresAt", (SELECT u.email FROM "user" u WHERE u.id = s."approverId") AS approver
    FROM suppression s
    WHERE s.status = 'active' AND s."expiresAt" > now() AND ${ruleCoversFinding("s", "f")}
    ORDER BY s."expiresAt" DESC LIMIT 1
  ) sup ON f."lastSeq" IS NULL`;

/** The columns of a finding row, timestamps as ISO strings (UTC) straight from the database. */
export const FINDING_COLUMNS = `f.id::text AS id, f."clusterId" AS "clusterId", c.name AS "clusterName", f."checkId" AS "checkId",
  f.layer::text AS layer, f.severity::text AS severity, f."resourceKind" AS "resourceKind", f.namespace, f."resourceName" AS "resourceName",
  f.container, f.message, CASE WHEN f."lastSeq" IS NOT NULL THEN 'resolved' WHEN sup.id IS NOT NULL THEN 'suppressed' ELSE 'open' END AS status,
  ${iso('f."firstSeenAt"')} AS "firstSeenAt", ${iso('f."lastSeenAt"')} AS "lastSeenAt", ${iso('f."resolvedAt"')} AS "resolvedAt",
  sup.id AS "suppressionId", sup.reason AS "suppressionReason", sup.approver AS "suppressionApprover", ${iso('sup."expiresAt"')} AS "suppressionExpiresAt"`;

/** A snapshot named by a `snapshot` filter, resolved to its cluster and sequence number. */
export type SnapshotRef = { clusterId: string; seq: number; startedAt: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * The WHERE clause of a filtered findings query, shared by the browser, the API and the CSV
 * export so a link, a page and a file always agree. Every value is a parameter.
 */
export function findingWhere(filters: FindingFilters, values: unknown[], snapshot: SnapshotRef | null = null): string {
  const add = (v: unknown) => `$${values.push(v)}`;
  const where: string[] = [];
  if (snapshot) {
    const seq = add(snapshot.seq);
    where.push(
      `f."clusterId" = ${add(snapshot.clusterId)} AND f."firstSeq" <= ${seq} AND (f."lastSeq" IS NULL OR f."lastSeq" >= ${seq})`,
    );
  }
  // As (anti-)semi-joins on the rules rather than tests of the joined row: the planner then
  // estimates how many rows pass and reads the sort's index up to the page's limit, instead of
  // expecting one row, reading every open finding and sorting them.
  if (filters.status === "open") where.push(`f."lastSeq" IS NULL AND NOT ${acceptedNow("f")}`);
  if (filters.status === "suppressed") where.push(`f."lastSeq" IS NULL AND ${acceptedNow("f")}`);
  if (filters.status === "resolved") where.push(`f."lastSeq" IS NOT NULL`);
  if (filters.cluster) where.push(`f."clusterId" = ${add(filters.cluster)}`);
  if (filters.layer?.length) where.push(`f.layer = ANY(${add(filters.layer)}::"Layer"[])`);
  if (filters.severity?.length) where.push(`f.severity = ANY(${add(filters.severity)}::"Severity"[])`);
  if (filters.check) where.push(`f."checkId" = ${add(filters.check)}`);
  if (filters.namespace) where.push(`f.namespace = ${add(filters.namespace)}`);
  if (filters.kind) where.push(`f."resourceKind" = ${add(filters.kind)}`);
  if (filters.from) where.push(`f."firstSeenAt" >= ${add(filters.from)}::date`);
  if (filters.to) where.push(`f."firstSeenAt" < ${add(filters.to)}::date + 1`);
  if (filters.q) {
    const p = add(`%${escapeLike(filters.q)}%`);
    where.push(
      `(f."resourceName" ILIKE ${p} OR f.namespace ILIKE ${p} OR f.container ILIKE ${p} OR f."checkId" ILIKE ${p} OR f.message ILIKE ${p})`,
    );
  }
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
}

type SortSpec = {
  columns: string[];
  casts: string[];
  direction: "ASC" | "DESC";
  key: (row: Record<string, string>) => string[];
};

/** Each sort is a keyset over an index-friendly column list ending in the unique id. */
export const FINDING_SORT: Record<FindingFilters["sort"], SortSpec> = {
  severity: {
    columns: ["f.severity", "f.id"],
    casts: [`"Severity"`, "bigint"],
    direction: "ASC",
    key: (r) => [r.severity!, r.id!],
  },
  newest: {
    columns: [`f."firstSeenAt"`, "f.id"],
    casts: ["timestamp(3)", "bigint"],
    direction: "DESC",
    key: (r) => [r.firstSeenAt!.replace("Z", ""), r.id!],
  },
  oldest: {
    columns: [`f."firstSeenAt"`, "f.id"],
    casts: ["timestamp(3)", "bigint"],
    direction: "ASC",
    key: (r) => [r.firstSeenAt!.replace("Z", ""), r.id!],
  },
  resource: {
    columns: ["f.namespace", `f."resourceName"`, "f.id"],
    casts: ["text", "text", "bigint"],
    direction: "ASC",
    key: (r) => [r.namespace!, r.resourceName!, r.id!],
  },
};

export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** Whether a cursor's value is one its column's cast takes, so a forged cursor is a 400 and never a database error. */
const CAST_ACCEPTS: Record<string, (v: string) => boolean> = {
  bigint: isInt8Id,
  "timestamp(3)": (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/.test(v) &&
    isCalendarDay(v.slice(0, 10)) &&
    !Number.isNaN(Date.parse(`${v}Z`)),
  text: hasNoControlCharacters,
  '"Severity"': (v) => (SEVERITIES as readonly string[]).includes(v),
};

function decodeCursor(cursor: string, casts: string[]): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(key) &&
      key.length === casts.length &&
      key.every((k, i) => typeof k === "string" && CAST_ACCEPTS[casts[i]!]?.(k))
    )
      return key as string[];
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", { userMessage: "The page cursor is invalid: start again from the first page." });
}

/**
 * "(cols) > (cursor)" for the rows after `cursor` in the sort's order, and its ORDER BY; going
 * `backwards`, the rows before it, nearest first (the caller reverses them).
 */
export function findingKeyset(
  sort: SortSpec,
  cursor: string | undefined,
  values: unknown[],
  backwards = false,
): { after: string; orderBy: string } {
  const ascending = (sort.direction === "ASC") !== backwards;
  const orderBy = `ORDER BY ${sort.columns.map((c) => `${c} ${ascending ? "ASC" : "DESC"}`).join(", ")}`;
  if (!cursor) return { after: "", orderBy };
  const key = decodeCursor(cursor, sort.casts);
  const params = key.map((k, i) => `$${values.push(k)}::${sort.casts[i]}`);
  return { after: `(${sort.columns.join(", ")}) ${ascending ? ">" : "<"} (${params.join(", ")})`, orderBy };
}
