import { auditSystem } from "@/lib/audit/audit";
import { markExpiredAttestations } from "@/lib/db/frameworks/attestations";

/** Ends a cluster's attestations whose expiry has passed by `at`, each recorded once in the audit log. */
export async function expireAttestations(clusterId: string, at: Date): Promise<void> {
  for (const e of await markExpiredAttestations(clusterId, at))
    await auditSystem(
      "attestation.expired",
      { type: "attestation", id: e.id },
      { frameworkId: e.frameworkId, controlId: e.controlId },
    );
}
