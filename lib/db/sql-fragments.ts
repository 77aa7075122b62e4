/** SQL text shared by the raw queries in lib/db. Column names only; values always go in as parameters. */

/** A timestamp column as an ISO 8601 UTC string, formatted by the database (null stays null). */
export const isoUtc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Whether suppression `s` covers finding `f`: the one definition in SQL of the rule that
 * lib/scoring/match-suppression.ts applies in scoring.
 */
export const ruleCoversFinding = (s: string, f: string) =>
  `${s}."clusterId" = ${f}."clusterId" AND ${s}."checkId" = ${f}."checkId"
   AND (${s}.namespace IS NULL OR ${s}.namespace = ${f}.namespace)
   AND (${s}."resourcePattern" IS NULL OR ${s}."resourcePattern" = ${f}."resourceKind" || '/' || ${f}."resourceName")`;

/**
 * Whether an accepted risk in force now covers open finding `f`: the rule the findings browser
 * joins (FINDING_FROM), so a count and the rows its link lists agree.
 */
export const acceptedNow = (f: string) =>
  `EXISTS (SELECT 1 FROM suppression s WHERE s.status = 'active' AND s."expiresAt" > now() AND ${ruleCoversFinding("s", f)})`;
