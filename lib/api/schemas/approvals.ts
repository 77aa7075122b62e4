/** What accepted risks and attestations show of their two-person approval and expiry. */
export type ApprovalView = {
  /** "expired" once past its expiry, whatever the stored status: an expired one counts for nothing. */
  status: "pending" | "active" | "revoked" | "expired";
  author: string;
  approver: string | null;
  createdAt: string;
  approvedAt: string | null;
  expiresAt: string;
};
