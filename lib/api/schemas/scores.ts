import { z } from "zod";
import { LAYERS } from "@/lib/checks/types";

export const ZLayerScoreSummary = z.object({
  layer: z.enum(LAYERS).nullable(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  coverage: z.number(),
  failed: z.number(),
  /** Resource × check pairs passing only because of an accepted risk. */
  suppressed: z.number(),
  critical: z.number(),
  high: z.number(),
});

export const ZClusterPosture = z.object({
  clusterId: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  snapshotId: z.string().nullable(),
  takenAt: z.string().nullable(),
  status: z.string().nullable(),
  /** The scan under way, if any, so the page can follow it live. */
  runningSnapshotId: z.string().nullable(),
  /** The overall score first, then the five layers in catalog order. */
  scores: z.array(ZLayerScoreSummary),
});
export type ClusterPosture = z.infer<typeof ZClusterPosture>;

/** A cluster's overall score over the last 30 days, and as of a week ago. */
export type OverallHistory = { points: { takenAt: string; score: number }[]; weekAgo: number | null };
