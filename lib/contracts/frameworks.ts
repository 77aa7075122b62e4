import { z } from "zod";

import { FRAMEWORK_IDS } from "@/lib/frameworks/registry";
import type { FrameworkSummary } from "@/lib/frameworks/summarise-framework";
import type { ControlStatus as ControlStatusName } from "@/lib/frameworks/types";
import type { ResourceRef } from "@/lib/inventory/types";

import { ZApprovalView } from "./approvals";
import { filterText, hasNoControlCharacters, hasNoControlCharactersButLineBreaks, idText } from "./fields";

export const ZFrameworkParams = z.object({ id: z.enum(FRAMEWORK_IDS as [string, ...string[]]) });

const day = z.iso.date().transform((v) => new Date(`${v}T23:59:59.000Z`));

/** An attestation that a manual control is met on a cluster, with the evidence in the note. */
export const ZAttestationCreateRequest = z
  .object({
    frameworkId: z.enum(FRAMEWORK_IDS as [string, ...string[]]),
    controlId: idText(),
    clusterId: idText(),
    note: z
      .string()
      .trim()
      .min(10, "say what evidence shows it, in at least 10 characters")
      .max(4000)
      .refine(hasNoControlCharactersButLineBreaks, "no control characters other than line breaks and tabs"),
    /** The last day it holds (UTC). */
    expiresAt: day.or(z.iso.datetime().transform((v) => new Date(v))),
  })
  .strict();
export type AttestationCreateRequest = z.infer<typeof ZAttestationCreateRequest>;
export const ZAttestationParams = z.object({ id: idText() });
export const ZAttestationListQuery = z.object({ framework: filterText(64), control: filterText(64) });

export const ZAttestationSummary = z.strictObject({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  frameworkId: z.string(),
  controlId: z.string(),
  /** The evidence. */
  note: z.string(),
  ...ZApprovalView.shape,
});
export type AttestationSummary = z.infer<typeof ZAttestationSummary>;

export const ZFrameworkExportQuery = z.object({
  cluster: z.string().trim().min(1, "choose a cluster").max(64).refine(hasNoControlCharacters, "no control characters"),
  /** A given snapshot of that cluster; its latest completed one when absent. */
  snapshot: filterText(64),
});

/** One snapshot's counts for a framework on a cluster. */
export type FrameworkPoint = {
  snapshotId: string;
  seq: number;
  takenAt: string;
  frameworkVersion: string;
  summary: FrameworkSummary;
};
export type FrameworkClusterOverview = {
  clusterId: string;
  clusterName: string;
  frameworkId: string;
  latest: FrameworkPoint;
  trend: FrameworkPoint[];
};

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

/** A run of scans in which a control kept one status (and attestation, and mapping) on a cluster. */
export type ControlRun = {
  status: ControlStatusName;
  attested: boolean | null;
  frameworkVersion: string;
  fromSeq: number;
  toSeq: number;
  fromAt: string;
  toAt: string;
  /** completed scans in the run */
  scans: number;
  /** the run's last scan's count of failing resources */
  failingCount: number;
};
