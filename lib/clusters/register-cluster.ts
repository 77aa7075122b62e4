import type { Caller } from "@/lib/access/caller";
import { audit } from "@/lib/audit/audit";
import type { ClusterCreateRequest } from "@/lib/contracts/clusters";
import { sealKubeconfig } from "@/lib/crypto/seal-secret";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { AppError } from "@/lib/errors";
import { connect, defaultPolicy, KubeconfigError, uploadPolicy } from "@/lib/k8s/connect";

/**
 * Registers a cluster after checking its kubeconfig can be used (parses, context exists, no
 * exec unless allowed for the operator's own kubeconfig, never in an upload, no forbidden
 * address). An uploaded kubeconfig is stored sealed. Audited as the admin who registered it
 * (clusters seeded without one, by tests, have no actor).
 */
export async function registerCluster(
  input: ClusterCreateRequest,
  actor?: Caller,
): Promise<{ id: string; warnings: string[] }> {
  const source =
    input.source === "kubeconfig_upload"
      ? ({
          type: "kubeconfig-text",
          text: input.kubeconfig,
          context: input.contextName,
          origin: "uploaded kubeconfig",
        } as const)
      : ({ type: "kubeconfig-file", context: input.contextName } as const);
  let warnings: string[];
  try {
    warnings = (await connect(source, input.source === "kubeconfig_upload" ? uploadPolicy() : defaultPolicy()))
      .warnings;
  } catch (error) {
    if (error instanceof KubeconfigError) throw new AppError("UNPROCESSABLE", { userMessage: error.message });
    throw error;
  }
  const { id } = await createCluster({
    name: input.name,
    source: input.source,
    contextName: input.contextName ?? null,
    kubeconfigSealed: input.source === "kubeconfig_upload" ? sealKubeconfig(input.kubeconfig) : null,
    scheduleMinutes: input.scheduleMinutes,
    warnings,
  });
  if (actor) await audit(actor, "cluster.created", { type: "cluster", id }, { name: input.name, source: input.source });
  return { id, warnings };
}
