import { z } from "zod";
import type { ApprovalView } from "./approvals";
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

export const ZSuppressionUpdateRequest = z.object({ reason: reason.optional(), expiresAt: expiresAt.optional() }).strict();
export type SuppressionUpdateRequest = z.infer<typeof ZSuppressionUpdateRequest>;

export const ZSuppressionParams = z.object({ id: idText() });

export type SuppressionSummary = {
  id: string;
  clusterId: string | null;
  clusterName: string | null;
  checkId: string;
  checkTitle: string;
  severity: string;
  scope: (typeof SUPPRESSION_SCOPES)[number];
  namespace: string | null;
  resourcePattern: string | null;
  reason: string;
  /** Open findings it covers now (0 flags a rule that no longer matches anything). */
  matching: number;
  expiresWithinWeek: boolean;
} & ApprovalView;
