import type { Report, ReportQuery } from "@/lib/contracts/reports";

import { CLUSTERS_VERSION, memoByVersion } from "../memo-by-version";
import { buildReport } from "./build-report";

/**
 * Reports kept per web process, by the stored figures' version: the newest score row (every
 * completed scan and every re-score after an accepted-risk change writes one) and the clusters.
 */
const kept = memoByVersion<{ report: Report; generatedAt: Date }>(
  `concat_ws(':', (SELECT max(id) FROM layer_score), (${CLUSTERS_VERSION}))`,
  32,
);

/**
 * A report as of this minute, built once per web process for everyone asking for the same one
 * while nothing behind it changed. Figures are never older than the latest scan or re-score, and
 * the period's ends move by the minute; fifty managers opening the 365-day report build it once.
 */
export async function getReport(query: ReportQuery, now = new Date()): Promise<{ report: Report; generatedAt: Date }> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return kept([query, minute.getTime()], async () => ({
    report: await buildReport(query, minute),
    generatedAt: minute,
  }));
}
