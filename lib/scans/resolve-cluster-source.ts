import { unsealKubeconfig } from "@/lib/crypto/seal-secret";
import type { ClusterConnectionRecord } from "@/lib/db/clusters/get-cluster-or-throw";
import { defaultPolicy, uploadPolicy, type ClusterSource, type ConnectPolicy } from "@/lib/k8s/connect";

import { demoClusterKubeconfig, type DemoState } from "./demo-cluster-source";

/**
 * How to reach a registered cluster. Only the built-in demo may use loopback without the
 * operator's say-so; only the operator's own kubeconfig may run exec commands (when allowed),
 * never an uploaded one.
 */
export async function resolveClusterSource(
  cluster: ClusterConnectionRecord,
  demoState: DemoState = 3,
): Promise<{ source: ClusterSource; policy: ConnectPolicy }> {
  switch (cluster.source) {
    case "demo": {
      const kubeconfig = await demoClusterKubeconfig(demoState);
      return {
        source: { type: "kubeconfig-text", text: kubeconfig, origin: "built-in demo cluster" },
        policy: { ...uploadPolicy(), allowLoopback: true },
      };
    }
    case "kubeconfig_upload":
      if (!cluster.kubeconfigSealed) throw new Error("the uploaded kubeconfig is missing");
      return {
        source: {
          type: "kubeconfig-text",
          text: unsealKubeconfig(cluster.kubeconfigSealed),
          context: cluster.contextName ?? undefined,
          origin: `uploaded kubeconfig of ${cluster.name}`,
        },
        policy: uploadPolicy(),
      };
    case "kubeconfig_context":
      return {
        source: { type: "kubeconfig-file", context: cluster.contextName ?? undefined },
        policy: defaultPolicy(),
      };
    case "in_cluster":
      return { source: { type: "in-cluster" }, policy: defaultPolicy() };
  }
}
