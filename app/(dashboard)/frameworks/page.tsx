import Link from "next/link";

import { FrameworkOverviewTable } from "@/components/frameworks/framework-overview-table";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { pageParam, Pager } from "@/components/ui/pager";
import { listClusterIdPage } from "@/lib/db/clusters/list-cluster-id-page";
import { listUnscannedClusters } from "@/lib/db/frameworks/list-unscanned-clusters";
import { listFrameworkOverview } from "@/lib/db/frameworks/read-control-statuses";
import { ALL_FRAMEWORKS } from "@/lib/frameworks/registry";

export const metadata = { title: "Frameworks" };
export const dynamic = "force-dynamic";

/** Clusters per page: 100 clusters × four frameworks with a month's trend each are read a page at a time. */
const FRAMEWORKS_PAGE_SIZE = 10;

export default async function FrameworksPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = pageParam((await searchParams).page);
  const { ids, total } = await listClusterIdPage(page, FRAMEWORKS_PAGE_SIZE);
  const [rows, unscanned] = await Promise.all([listFrameworkOverview(undefined, ids), listUnscannedClusters(ids)]);
  return (
    <>
      <PageHeader
        title="Frameworks"
        description="Where each cluster stands against the CIS Kubernetes Benchmark, the NSA/CISA hardening guide and the Pod Security Standards, from each snapshot's stored statuses. The share counts automated controls only; a control whose checks could not run is not evaluated, never passing."
      />
      {total === 0 ? (
        <EmptyState
          title="No framework statuses yet"
          action={
            <Link href="/clusters" className="text-sky-700 underline">
              Go to clusters
            </Link>
          }
        >
          Statuses are stored with each completed snapshot. Scan a cluster to see them here.
        </EmptyState>
      ) : (
        <>
          <Pager
            label="Clusters"
            page={page}
            size={FRAMEWORKS_PAGE_SIZE}
            total={total}
            shown={ids.length}
            href={(n) => (n === 1 ? "/frameworks" : `/frameworks?page=${n}`)}
          />
          <FrameworkOverviewTable frameworks={ALL_FRAMEWORKS} rows={rows} unscanned={unscanned} />
        </>
      )}
    </>
  );
}
