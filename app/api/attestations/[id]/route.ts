import { withRoute } from "@/lib/api/with-route";
import { revokeAttestation } from "@/lib/attestations/revoke-attestation";
import { ZAttestationParams } from "@/lib/contracts/frameworks";

export const runtime = "nodejs";

// DELETE /api/attestations/{id} – revoke: the control is no longer attested from the next snapshot
export const DELETE = withRoute({
  role: "analyst",
  params: ZAttestationParams,
  handler: async ({ params, caller }) => {
    await revokeAttestation(params.id, caller);
    return new Response(null, { status: 204 });
  },
});
