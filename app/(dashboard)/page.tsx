import { PageHeader } from "@/components/layout/page-header";
import { ClusterScorecard } from "@/components/scores/cluster-scorecard";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageCaller } from "@/lib/api/page-caller";
import { hasRole } from "@/lib/access/roles";
import { listOverallHistory } from "@/lib/db/clusters/list-overall-history";
import { listClusterPosture } from "@/lib/db/clusters/list-cluster-posture";
import { ButtonLink } from "@/components/ui/button-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const canScan = hasRole((await requirePageCaller()).role, "analyst");
  const [clusters, history] = await Promise.all([listClusterPosture(), listOverallHistory()]);
  return (
    <>
      <PageHeader title="Overview" description="Security posture of every cluster, by layer, from the latest completed scan." />
      {clusters.length === 0 ? (
        <EmptyState
          title="No clusters yet"
          action={<ButtonLink href="/settings">Add a cluster</ButtonLink>}
        >
          Add a cluster from a kubeconfig context or an uploaded kubeconfig. Bulwark then scans it on a schedule and
          shows scores for the node, network, secrets, pod and container layers here.
        </EmptyState>
      ) : (
        <div className="grid gap-4">
          {clusters.map((c) => (
            <ClusterScorecard key={c.clusterId} posture={c} canScan={canScan} history={history.get(c.clusterId) ?? { points: [], weekAgo: null }} />
          ))}
        </div>
      )}
    </>
  );
}
