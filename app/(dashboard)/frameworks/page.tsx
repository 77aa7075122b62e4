import Link from "next/link";

import { FrameworkOverviewTable } from "@/components/frameworks/framework-overview-table";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listUnscannedClusters } from "@/lib/db/frameworks/list-unscanned-clusters";
import { listFrameworkOverview } from "@/lib/db/frameworks/read-control-statuses";
import { ALL_FRAMEWORKS } from "@/lib/frameworks/registry";

export const metadata = { title: "Frameworks" };
export const dynamic = "force-dynamic";

export default async function FrameworksPage() {
  const [rows, unscanned] = await Promise.all([listFrameworkOverview(), listUnscannedClusters()]);
  return (
    <>
      <PageHeader
        title="Frameworks"
        description="Where each cluster stands against the CIS Kubernetes Benchmark, the NSA/CISA hardening guide and the Pod Security Standards, from each snapshot's stored statuses. The share counts automated controls only; a control whose checks could not run is not evaluated, never passing."
      />
      {rows.length === 0 && unscanned.length === 0 ? (
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
        <FrameworkOverviewTable frameworks={ALL_FRAMEWORKS} rows={rows} unscanned={unscanned} />
      )}
    </>
  );
}
