import { audit } from "@/lib/api/audit";
import { ZAttestationParams } from "@/lib/api/schemas/frameworks";
import { withRoute } from "@/lib/api/with-route";
import { revokeAttestation } from "@/lib/db/frameworks/attestations";

export const runtime = "nodejs";

// DELETE /api/attestations/{id} – revoke: the control is no longer attested from the next snapshot
export const DELETE = withRoute({
  role: "analyst",
  params: ZAttestationParams,
  handler: async ({ params, caller }) => {
    const about = await revokeAttestation(params.id);
    await audit(caller, "attestation.revoked", { type: "attestation", id: params.id }, about);
    return new Response(null, { status: 204 });
  },
});
