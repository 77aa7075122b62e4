import type { Node } from "@/lib/inventory/cluster-types";

export type ManagedProvider = "EKS" | "GKE" | "AKS";

/** A managed control plane, recognised from node provider IDs and labels. */
export function detectProvider(nodes: Node[]): ManagedProvider | undefined {
  for (const n of nodes) {
    const labels = Object.keys(n.meta.labels);
    if (n.providerID.startsWith("aws://") && labels.some((l) => l.startsWith("eks.amazonaws.com/"))) return "EKS";
    if (n.providerID.startsWith("gce://") && labels.some((l) => l.startsWith("cloud.google.com/gke-"))) return "GKE";
    if (n.providerID.startsWith("azure://") && labels.some((l) => l.startsWith("kubernetes.azure.com/"))) return "AKS";
  }
  return undefined;
}

export const managedReason = (p: ManagedProvider) => `the provider runs this part of a managed cluster (${p})`;
