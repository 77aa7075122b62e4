import { z } from "zod";
import { FRAMEWORK_IDS } from "@/lib/frameworks/registry";
import type { FrameworkSummary } from "@/lib/frameworks/summarise-framework";
import type { ControlStatus as ControlStatusName } from "@/lib/frameworks/types";
import type { ResourceRef } from "@/lib/inventory/types";

export const ZFrameworkParams = z.object({ id: z.enum(FRAMEWORK_IDS as [string, ...string[]]) });

export const ZFrameworkExportQuery = z.object({
  cluster: z.string().trim().min(1, "choose a cluster").max(64),
  /** A given snapshot of that cluster; its latest completed one when absent. */
  snapshot: z.string().trim().max(64).optional().transform((v) => v || undefined),
});

/** One snapshot's counts for a framework on a cluster. */
export type FrameworkPoint = { snapshotId: string; seq: number; takenAt: string; frameworkVersion: string; summary: FrameworkSummary };
export type FrameworkClusterOverview = { clusterId: string; clusterName: string; frameworkId: string; latest: FrameworkPoint; trend: FrameworkPoint[] };

/** A control's status as stored with one snapshot. */
export type StoredControl = {
  clusterId: string;
  clusterName: string;
  snapshotId: string;
  seq: number;
  takenAt: string;
  frameworkVersion: string;
  controlId: string;
  section: string;
  title: string;
  status: ControlStatusName;
  checks: string[];
  failing: { resource: ResourceRef; checks: string[] }[];
  failingCount: number;
  evaluatedCount: number;
  reason: string | null;
  attested: boolean | null;
};
