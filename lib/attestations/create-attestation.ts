import type { Caller } from "@/lib/access/caller";
import { checkExpiry } from "@/lib/approvals/check-expiry";
import { audit } from "@/lib/audit/audit";
import type { AttestationCreateRequest } from "@/lib/contracts/frameworks";
import { clusterExists, insertAttestation } from "@/lib/db/frameworks/attestations";
import { AppError } from "@/lib/errors";
import { getFramework } from "@/lib/frameworks/registry";

/** Attests a manual control on a cluster; active at once unless the control is critical, which needs a second person. */
export async function createAttestation(
  input: AttestationCreateRequest,
  author: Caller,
  now = new Date(),
): Promise<{ id: string; status: "pending" | "active" }> {
  const control = getFramework(input.frameworkId)?.controls.find((c) => c.id === input.controlId);
  if (!control) throw new AppError("NOT_FOUND", { userMessage: "No such control." });
  if (control.judged.by !== "manual")
    throw new AppError("BAD_REQUEST", {
      userMessage: "Only manual controls are attested: this one is judged by its checks.",
    });
  checkExpiry(input.expiresAt, "attestation", now);
  if (!(await clusterExists(input.clusterId))) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  const status = control.critical ? "pending" : "active";
  const id = await insertAttestation({
    ...input,
    authorId: author.userId,
    status,
    approvedAt: status === "active" ? now : null,
  });
  await audit(
    author,
    "attestation.created",
    { type: "attestation", id },
    {
      frameworkId: input.frameworkId,
      controlId: input.controlId,
      clusterId: input.clusterId,
      note: input.note,
      expiresAt: input.expiresAt,
      status,
    },
  );
  return { id, status };
}
