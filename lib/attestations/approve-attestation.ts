import type { Caller } from "@/lib/access/caller";
import { checkApprovable } from "@/lib/approvals/check-approvable";
import { audit } from "@/lib/audit/audit";
import { getAttestationOrThrow, markAttestationApproved } from "@/lib/db/frameworks/attestations";
import { AppError } from "@/lib/errors";

import { subjectOf } from "./attestation-subject";

/** The second pair of eyes for a critical control: an analyst or admin who is not the author, before it expires. */
export async function approveAttestation(id: string, approver: Caller, now = new Date()): Promise<void> {
  const a = await getAttestationOrThrow(id);
  checkApprovable(a, approver, "attestation", { renew: "attest the control again with a new expiry", now });
  if (!(await markAttestationApproved(id, approver.userId, now)))
    throw new AppError("CONFLICT", { userMessage: "It changed meanwhile: reload." });
  await audit(approver, "attestation.approved", { type: "attestation", id }, subjectOf(a));
}
