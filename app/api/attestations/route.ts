import { audit } from "@/lib/api/audit";
import { ZAttestationCreateRequest, ZAttestationListQuery } from "@/lib/api/schemas/frameworks";
import { withRoute } from "@/lib/api/with-route";
import { createAttestation, listAttestations } from "@/lib/db/frameworks/attestations";

export const runtime = "nodejs";

// GET /api/attestations?framework=…&control=… – attestations of manual controls, newest first
export const GET = withRoute({
  role: "viewer",
  query: ZAttestationListQuery,
  handler: async ({ query }) => ({ data: await listAttestations({ frameworkId: query.framework, controlId: query.control }) }),
});

// POST /api/attestations – attest a manual control on a cluster (critical controls wait for a second person)
export const POST = withRoute({
  role: "analyst",
  body: ZAttestationCreateRequest,
  handler: async ({ body, caller }) => {
    const created = await createAttestation(body, caller);
    await audit(caller, "attestation.created", { type: "attestation", id: created.id }, { frameworkId: body.frameworkId, controlId: body.controlId, clusterId: body.clusterId, note: body.note, expiresAt: body.expiresAt, status: created.status });
    return Response.json(created, { status: 201 });
  },
});
