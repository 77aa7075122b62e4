import { countClusters } from "@/lib/db/clusters/count-clusters";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { hasClusterOfSource } from "@/lib/db/clusters/has-cluster-of-source";
import { AppError } from "@/lib/errors";
import { connect, defaultPolicy, KubeconfigError } from "@/lib/k8s/connect";
import { log } from "@/lib/log";

/**
 * In a cluster (the Helm chart sets BULWARK_IN_CLUSTER_NAME): registers the cluster Bulwark
 * runs in, reached with the pod's service account, unless a cluster of that source exists.
 * Returns its id, or null when it was registered before. Replicas racing here create one row
 * (cluster names are unique). `root` prefixes the service-account paths (tests).
 */
export async function registerInClusterIfAbsent(name: string, root?: string): Promise<string | null> {
  if (await hasClusterOfSource("in_cluster")) return null;
  let warnings: string[];
  try {
    warnings = (await connect({ type: "in-cluster", root }, defaultPolicy())).warnings;
  } catch (error) {
    if (error instanceof KubeconfigError) throw new Error(`cannot scan the cluster Bulwark runs in: ${error.message}`);
    throw error;
  }
  try {
    const { id } = await createCluster({ name, source: "in_cluster", scheduleMinutes: 360, warnings });
    log.info({ clusterId: id, name, clusters: await countClusters() }, "registered the cluster Bulwark runs in");
    return id;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return null; // another replica won the race
    throw error;
  }
}
