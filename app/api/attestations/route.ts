import { withRoute } from "@/lib/api/with-route";
import { createAttestation } from "@/lib/attestations/create-attestation";
import { ZAttestationCreateRequest, ZAttestationListQuery } from "@/lib/contracts/frameworks";
import { listAttestations } from "@/lib/db/frameworks/attestations";

export const runtime = "nodejs";

// GET /api/attestations?framework=…&control=… – attestations of manual controls, newest first
export const GET = withRoute({
  role: "viewer",
  query: ZAttestationListQuery,
  handler: async ({ query }) => ({
    data: await listAttestations({ frameworkId: query.framework, controlId: query.control }),
  }),
});

// POST /api/attestations – attest a manual control on a cluster (critical controls wait for a second person)
export const POST = withRoute({
  role: "analyst",
  body: ZAttestationCreateRequest,
  handler: async ({ body, caller }) => Response.json(await createAttestation(body, caller), { status: 201 }),
});
