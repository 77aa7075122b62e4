import type { Report, ReportQuery } from "@/lib/contracts/reports";

import { getPool } from "../pool";
import { buildReport } from "./build-report";

/** Reports kept per web process; the oldest goes first. */
const KEPT = 32;
const kept = new Map<string, Promise<{ report: Report; generatedAt: Date }>>();

/**
 * A report as of this minute, built once per web process for everyone asking for the same one
 * while nothing behind it changed: the key holds the stored figures' version (the newest score
 * row: every completed scan and every re-score after an accepted-risk change writes one) and
 * the clusters' ids and names. Figures are never older than the latest scan or re-score, and the
 * period's ends move by the minute; fifty managers opening the 365-day report build it once.
 */
export async function getReport(query: ReportQuery, now = new Date()): Promise<{ report: Report; generatedAt: Date }> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const { rows } = await getPool().query<{ version: string }>(
    `SELECT concat_ws(':', (SELECT max(id) FROM layer_score), (SELECT md5(string_agg(id || '=' || name, ',' ORDER BY id)) FROM cluster)) AS version`,
  );
  const key = JSON.stringify([query, minute.getTime(), rows[0]!.version]);
  let entry = kept.get(key);
  if (!entry) {
    entry = buildReport(query, minute).then((report) => ({ report, generatedAt: minute }));
    // A failed build is not kept: the next request tries again.
    entry.catch(() => kept.delete(key));
    kept.set(key, entry);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return entry;
}
