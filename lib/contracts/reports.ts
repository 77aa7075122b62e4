import { z } from "zod";

import { hasNoControlCharacters } from "./fields";
import type { TrendPoint } from "./trend";

export const REPORT_PERIODS = [30, 90, 180, 365] as const;

export const ZReportQuery = z.object({
  /** Cluster ids, comma-separated; none means every cluster. */
  clusters: z
    .string()
    .max(2000)
    .refine(hasNoControlCharacters, "no control characters")
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : [])),
  days: z.coerce
    .number()
    .refine((n) => (REPORT_PERIODS as readonly number[]).includes(n), "30, 90, 180 or 365")
    .default(90),
});
export type ReportQuery = z.infer<typeof ZReportQuery>;

export type WeeklyChange = { week: string; opened: number; resolved: number };
export type SeverityPoint = { day: string; critical: number; high: number };
export type ResolveTime = { severity: string; resolved: number; meanHours: number | null };
export type NamespaceRank = {
  cluster: string;
  namespace: string;
  score: number | null;
  grade: string | null;
  failed: number;
};

/** One cluster's figures at the start and the end of the period (start null: it joined during the period). */
export type ClusterChange = {
  id: string;
  name: string;
  /** When its first completed scan ran, if that was inside the period. */
  joinedAt: string | null;
  /** What its first scan found (the baseline), apart from "new". */
  baseline: number | null;
  /** `coverage`: the share of checks the scan could evaluate; under MIN_GRADED_COVERAGE the score is incomplete. */
  start: { score: number | null; criticalHigh: number; coverage: number } | null;
  end: { score: number | null; criticalHigh: number; coverage: number } | null;
};

export type Report = {
  clusters: { id: string; name: string }[];
  days: number;
  since: string;
  trend: TrendPoint[];
  weekly: WeeklyChange[];
  criticalHigh: SeverityPoint[];
  resolveTimes: ResolveTime[];
  worstNamespaces: NamespaceRank[];
  /** Open findings not under an accepted risk, now, over the clusters compared (the charts' last day). */
  openBySeverity: Record<string, number>;
  /** The clusters the fleet figures compare: present with a completed scan at both ends of the period. */
  compared: string[];
  /** Where the comparison starts: the period's start, or the first scan of any of the clusters if later. */
  comparedFrom: string;
  perCluster: ClusterChange[];
};
