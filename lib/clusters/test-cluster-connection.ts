import { getClusterOrThrow } from "@/lib/db/clusters/get-cluster-or-throw";
import { testConnection, type ConnectionTest } from "@/lib/k8s/test-connection";
import { resolveClusterSource } from "@/lib/scans/resolve-cluster-source";

/** Tests a registered cluster's connection: reachable, its version, and which resources are readable. */
export async function testClusterConnection(clusterId: string): Promise<ConnectionTest> {
  const cluster = await getClusterOrThrow(clusterId);
  const { source, policy } = await resolveClusterSource(cluster);
  return testConnection(source, policy);
}
