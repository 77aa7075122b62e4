/** SQL text shared by the raw queries in lib/db. Column names only; values always go in as parameters. */

/** A timestamp column as an ISO 8601 UTC string, formatted by the database (null stays null). */
export const isoUtc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Whether suppression `s` covers finding `f`: the one definition in SQL of the rule that
 * lib/suppressions/match-suppression.ts applies in scoring.
 */
export const ruleCoversFinding = (s: string, f: string) =>
  `${s}."clusterId" = ${f}."clusterId" AND ${s}."checkId" = ${f}."checkId"
   AND (${s}.namespace IS NULL OR ${s}.namespace = ${f}.namespace)
   AND (${s}."resourcePattern" IS NULL OR ${s}."resourcePattern" = ${f}."resourceKind" || '/' || ${f}."resourceName")`;
