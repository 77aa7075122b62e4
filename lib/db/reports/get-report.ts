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
 * A report built once per web process and hour for everyone asking for the same one while
 * nothing behind it changed: a scan or re-score shows at the next request (the version moves),
 * and the period's start moves with the hour; fifty managers opening the 365-day report build it once.
 * As the hour turns on unchanged figures, the hour before's report answers while the new one is
 * built (only then: a scan's new figures are always waited for). `generatedAt` is when these
 * figures were read.
 */
export async function getReport(query: ReportQuery, now = new Date()): Promise<{ report: Report; generatedAt: Date }> {
  const hour = Math.floor(now.getTime() / 3_600_000);
  return kept([query, hour], async () => ({ report: await buildReport(query, now), generatedAt: now }), [
    query,
    hour - 1,
  ]);
}
