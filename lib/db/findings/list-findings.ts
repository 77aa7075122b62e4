import { getCheckTitle } from "@/lib/checks/get-check-title";
import type { FindingListQuery, FindingPage, FindingRow } from "@/lib/contracts/findings";

import { getPool } from "../pool";
import { encodeCursor, FINDING_COLUMNS, FINDING_FROM, FINDING_SORT, findingKeyset, findingWhere } from "./finding-sql";
import { resolveSnapshotRef } from "./resolve-snapshot-ref";

/**
 * One page of findings (lifetimes) matching the filters, by keyset: the cost of page 1,000 is
 * the cost of page 1, because the cursor seeks into the index instead of skipping rows. A page
 * `before` a cursor is read backwards from it, the same way.
 */
export async function listFindings(query: FindingListQuery): Promise<FindingPage> {
  const values: unknown[] = [];
  const sort = FINDING_SORT[query.sort];
  const backwards = query.before !== undefined;
  const where = findingWhere(query, values, await resolveSnapshotRef(query.snapshot));
  const { after, orderBy } = findingKeyset(sort, query.before ?? query.cursor, values, backwards);
  const conditions = after ? (where ? `${where} AND ${after}` : `WHERE ${after}`) : where;
  const text = `SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} ${conditions} ${orderBy} LIMIT ${query.limit + 1}`;
  const { rows } = await getPool().query<Record<string, string>>(text, values);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  const keyOf = (row: Record<string, string> | undefined) => (row ? encodeCursor(sort.key(row)) : null);
  return {
    data: page.map((r) => ({ ...(r as unknown as FindingRow), checkTitle: getCheckTitle(r.checkId!) })),
    // Coming back from a later page, there is always a next one; going forward, a previous one.
    nextCursor: backwards || more ? keyOf(page.at(-1)) : null,
    prevCursor: backwards ? (more ? keyOf(page[0]) : null) : query.cursor ? keyOf(page[0]) : null,
  };
}
