import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { ClusterScorecard } from "@/components/scores/cluster-scorecard";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
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
  const requested = Number((await searchParams).page ?? "1");
  const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
  const { clusters, total } = await listClusterPosturePage(page, OVERVIEW_PAGE_SIZE);
  const history = await listOverallHistory(
    new Date(),
    clusters.map((c) => c.clusterId),
  );
  const pages = Math.max(1, Math.ceil(total / OVERVIEW_PAGE_SIZE));
  const first = (page - 1) * OVERVIEW_PAGE_SIZE + 1;
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
          {total > OVERVIEW_PAGE_SIZE ? (
            <nav
              aria-label="Clusters"
              className="mb-4 flex flex-wrap items-center gap-4 text-sm text-slate-700"
              data-testid="overview-pages"
            >
              <span>
                {clusters.length
                  ? `Clusters ${first}–${first + clusters.length - 1} of ${total}, by name`
                  : `No clusters on page ${page} of ${pages}`}{" "}
                ({OVERVIEW_PAGE_SIZE} a page)
              </span>
              {page > 1 ? (
                <Link
                  href={page === 2 ? "/" : `/?page=${Math.min(page - 1, pages)}`}
                  className="text-sky-800 underline"
                >
                  Previous page
                </Link>
              ) : null}
              {page < pages ? (
                <Link href={`/?page=${page + 1}`} className="text-sky-800 underline">
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
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
