import { PageHeader } from "@/components/layout/page-header";
import { ClusterScorecard } from "@/components/scores/cluster-scorecard";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { pageParam, Pager } from "@/components/ui/pager";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { listClusterPosturePage } from "@/lib/db/clusters/list-cluster-posture";
import { listOverallHistory } from "@/lib/db/clusters/list-overall-history";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

/** Scorecards per page: a fleet of a hundred clusters is read a page at a time, not in one 2 MB page. */
const OVERVIEW_PAGE_SIZE = 8;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const canScan = hasRole((await requirePageCaller()).role, "analyst");
  const page = pageParam((await searchParams).page);
  const { clusters, total } = await listClusterPosturePage(page, OVERVIEW_PAGE_SIZE);
  const history = await listOverallHistory(
    new Date(),
    clusters.map((c) => c.clusterId),
  );
  return (
    <>
      <PageHeader
        title="Overview"
        description="Security posture of every cluster, by layer, from the latest completed scan."
      />
      {total === 0 ? (
        <EmptyState title="No clusters yet" action={<ButtonLink href="/settings">Add a cluster</ButtonLink>}>
          Add a cluster from a kubeconfig context or an uploaded kubeconfig. Bulwark then scans it on a schedule and
          shows scores for the node, network, secrets, pod and container layers here.
        </EmptyState>
      ) : (
        <>
          <Pager
            label="Clusters"
            page={page}
            size={OVERVIEW_PAGE_SIZE}
            total={total}
            shown={clusters.length}
            href={(n) => (n === 1 ? "/" : `/?page=${n}`)}
            testId="overview-pages"
          />
          <div className="grid gap-4">
            {clusters.map((c) => (
              <ClusterScorecard
                key={c.clusterId}
                posture={c}
                canScan={canScan}
                history={history.get(c.clusterId) ?? { points: [], weekAgo: null }}
              />
            ))}
          </div>
        </>
      )}
    </>
  );
}
