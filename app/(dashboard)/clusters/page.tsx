import Link from "next/link";
import { ClusterList } from "@/components/clusters/cluster-list";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listClusters } from "@/lib/db/clusters/list-clusters";

export const dynamic = "force-dynamic";
export const metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const clusters = await listClusters();
  return (
    <>
      <PageHeader title="Clusters" description="Every cluster Bulwark scans, with its latest snapshot." />
      {clusters.length === 0 ? (
        <EmptyState
          title="No clusters registered"
          action={
            <Link href="/settings" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
              Go to settings
            </Link>
          }
        >
          Register a cluster in Settings. Bulwark needs read-only access: apply the ClusterRole shown there first.
        </EmptyState>
      ) : (
        <ClusterList clusters={clusters} />
      )}
    </>
  );
}
