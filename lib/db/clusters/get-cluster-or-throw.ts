import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";

/** Everything needed to reach a cluster. Holds sealed credentials: never send it to a client. */
export type ClusterConnectionRecord = {
  id: string;
  name: string;
  source: "kubeconfig_context" | "kubeconfig_upload" | "in_cluster" | "demo";
  contextName: string | null;
  kubeconfigSealed: Uint8Array | null;
  scheduleMinutes: number;
  enabled: boolean;
  isDemo: boolean;
};

export async function getClusterOrThrow(id: string): Promise<ClusterConnectionRecord> {
  const row = await getPrisma().cluster.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      source: true,
      contextName: true,
      kubeconfigSealed: true,
      scheduleMinutes: true,
      enabled: true,
      isDemo: true,
    },
  });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
  return row;
}
