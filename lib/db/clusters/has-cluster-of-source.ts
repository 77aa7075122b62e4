import { getPrisma } from "../client";

/** Whether a cluster registered from this source exists (the in-cluster one is registered once). */
export async function hasClusterOfSource(
  source: "kubeconfig_context" | "kubeconfig_upload" | "in_cluster" | "demo",
): Promise<boolean> {
  return (await getPrisma().cluster.findFirst({ where: { source }, select: { id: true } })) !== null;
}
