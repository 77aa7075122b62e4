import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import { getAttestationOrThrow, markAttestationRevoked } from "@/lib/db/frameworks/attestations";
import { AppError } from "@/lib/errors";

import { subjectOf } from "./attestation-subject";

/** Revokes an attestation: the control is no longer attested from the next snapshot. */
export async function revokeAttestation(id: string, actor: Caller): Promise<void> {
  const a = await getAttestationOrThrow(id);
  if (a.status === "revoked") throw new AppError("CONFLICT", { userMessage: "This attestation is already revoked." });
  await markAttestationRevoked(id, new Date());
  await audit(actor, "attestation.revoked", { type: "attestation", id }, subjectOf(a));
}
