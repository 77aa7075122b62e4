import { withRoute } from "@/lib/api/with-route";
import { approveAttestation } from "@/lib/attestations/approve-attestation";
import { ZAttestationParams } from "@/lib/contracts/frameworks";

export const runtime = "nodejs";

// POST /api/attestations/{id}/approve – the second person for a critical control (not the author)
export const POST = withRoute({
  role: "analyst",
  params: ZAttestationParams,
  handler: async ({ params, caller }) => {
    await approveAttestation(params.id, caller);
    return { data: { status: "active" } };
  },
});
