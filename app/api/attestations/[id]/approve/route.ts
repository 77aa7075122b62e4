import { audit } from "@/lib/api/audit";
import { ZAttestationParams } from "@/lib/api/schemas/frameworks";
import { withRoute } from "@/lib/api/with-route";
import { approveAttestation } from "@/lib/db/frameworks/attestations";

export const runtime = "nodejs";

// POST /api/attestations/{id}/approve – the second person for a critical control (not the author)
export const POST = withRoute({
  role: "analyst",
  params: ZAttestationParams,
  handler: async ({ params, caller }) => {
    const about = await approveAttestation(params.id, caller);
    await audit(caller, "attestation.approved", { type: "attestation", id: params.id }, about);
    return { data: { status: "active" } };
  },
});
