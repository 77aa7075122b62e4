import { z } from "zod";

/** What accepted risks and attestations show of their two-person approval and expiry. */
export const ZApprovalView = z.strictObject({
  /** "expired" once past its expiry, whatever the stored status: an expired one counts for nothing. */
  status: z.enum(["pending", "active", "revoked", "expired"]),
  author: z.string(),
  approver: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type ApprovalView = z.infer<typeof ZApprovalView>;

/** What proposing an accepted risk or attesting a control answers (201): critical and high wait for a second person. */
export const ZApprovalCreated = z.strictObject({ id: z.string(), status: z.enum(["pending", "active"]) });
