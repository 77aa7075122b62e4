import Link from "next/link";
import { ClusterList } from "@/components/clusters/cluster-list";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listClusters } from "@/lib/db/clusters/list-clusters";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const clusters = await listClusters();
  return (
    <>
      <PageHeader title="Overview" description="Security posture of every cluster, by layer." />
      {clusters.length === 0 ? (
        <EmptyState
          title="No clusters yet"
          action={
            <Link href="/settings" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
              Add a cluster
            </Link>
          }
        >
          Add a cluster from a kubeconfig context or an uploaded kubeconfig. Bulwark then scans it on a schedule and
          shows scores for the node, network, secrets, pod and container layers here.
        </EmptyState>
      ) : (
        <ClusterList clusters={clusters} />
      )}
    </>
  );
}
