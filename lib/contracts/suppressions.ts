import { z } from "zod";

import { ZApprovalView } from "./approvals";
import { idText, int8Id } from "./fields";

export const SUPPRESSION_SCOPES = ["resource", "namespace", "cluster"] as const;
export const MAX_SUPPRESSION_DAYS = 365;

const expiresAt = z.iso
  .date()
  .or(z.iso.datetime())
  .transform((v) => new Date(v.length === 10 ? `${v}T23:59:59.000Z` : v));
const reason = z.string().trim().min(10, "say why, in at least 10 characters").max(2000);

/** An accepted risk proposed from a finding: its scope decides what else it covers. */
export const ZSuppressionCreateRequest = z
  .object({ findingId: int8Id("a finding id"), scope: z.enum(SUPPRESSION_SCOPES), reason, expiresAt })
  .strict();
export type SuppressionCreateRequest = z.infer<typeof ZSuppressionCreateRequest>;

export const ZSuppressionUpdateRequest = z
  .object({ reason: reason.optional(), expiresAt: expiresAt.optional() })
  .strict();
export type SuppressionUpdateRequest = z.infer<typeof ZSuppressionUpdateRequest>;

export const ZSuppressionParams = z.object({ id: idText() });

export const ZSuppressionSummary = z.strictObject({
  id: z.string(),
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  checkId: z.string(),
  checkTitle: z.string(),
  /** The check's severity in this installation (its override, else the catalog's). */
  severity: z.string(),
  scope: z.enum(SUPPRESSION_SCOPES),
  namespace: z.string().nullable(),
  resourcePattern: z.string().nullable(),
  reason: z.string(),
  /** Open findings it covers now (0 flags a rule that no longer matches anything). */
  matching: z.number(),
  expiresWithinWeek: z.boolean(),
  ...ZApprovalView.shape,
});
export type SuppressionSummary = z.infer<typeof ZSuppressionSummary>;

/** A page of accepted risks, newest first: `page` from 1, `limit` a page (the web page shows 50). */
export const ZSuppressionListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: "The page, from 1." }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: "Accepted risks a page." }),
});
export type SuppressionListQuery = z.infer<typeof ZSuppressionListQuery>;

/** One page, how many accepted risks there are in all, and how many of those in force or pending expire within a week. */
export const ZSuppressionPage = z.strictObject({
  data: z.array(ZSuppressionSummary),
  total: z.number().int(),
  expiringWithinWeek: z.number().int(),
});
export type SuppressionPage = z.infer<typeof ZSuppressionPage>;

/** What changing an accepted risk answers: its status after the change (critical/high go back to pending). */
export const ZSuppressionChanged = z.strictObject({ status: z.string() });
