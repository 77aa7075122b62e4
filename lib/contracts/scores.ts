import { z } from "zod";

import { LAYERS } from "@/lib/checks/types";

export const ZLayerScoreSummary = z.strictObject({
  layer: z.enum(LAYERS).nullable(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  /** Share (by severity weight) of the checks that could be evaluated; under 0.9 the grade is null ("incomplete"). */
  coverage: z.number(),
  /** Open findings not covered by an accepted risk: the rows `/findings?cluster=…&layer=…` lists. */
  failed: z.number(),
  /** Open findings covered by an accepted risk: the rows of `status=suppressed`. */
  suppressed: z.number(),
  /** Of `failed`, the critical and the high ones. */
  critical: z.number(),
  high: z.number(),
});

/** The cluster's latest scan when it failed: what went wrong, and since when scans have been failing. */
export const ZScanFailure = z.strictObject({
  snapshotId: z.string(),
  seq: z.number(),
  error: z.string(),
  /** When the latest failed scan ran. */
  at: z.string(),
  /** When the first of the failed scans since the last completed one ran. */
  since: z.string(),
  failedScans: z.number(),
});

export const ZClusterPosture = z.strictObject({
  clusterId: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  /** The latest completed scan, which the scores describe (null: none yet). */
  snapshotId: z.string().nullable(),
  snapshotSeq: z.number().nullable(),
  takenAt: z.string().nullable(),
  status: z.string().nullable(),
  /** The scan under way, if any, so the page can follow it live. */
  runningSnapshotId: z.string().nullable(),
  /** Set when the latest scan failed. */
  failure: ZScanFailure.nullable(),
  /** The overall score first, then the five layers in catalog order. */
  scores: z.array(ZLayerScoreSummary),
});
export type ClusterPosture = z.infer<typeof ZClusterPosture>;

/** A cluster's overall score over the last 30 days, and as of a week ago. */
export type OverallHistory = { points: { takenAt: string; score: number }[]; weekAgo: number | null };
