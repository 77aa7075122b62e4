import { ClusterList } from "@/components/clusters/cluster-list";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button-link";
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
        <EmptyState title="No clusters registered" action={<ButtonLink href="/settings">Go to settings</ButtonLink>}>
          Register a cluster in Settings. Bulwark needs read-only access: apply the ClusterRole shown there first.
        </EmptyState>
      ) : (
        <ClusterList clusters={clusters} />
      )}
    </>
  );
}
