import { PageHeader } from "@/components/layout/page-header";
import { SuppressionsTable } from "@/components/suppressions/suppressions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { pageParam, Pager } from "@/components/ui/pager";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { listSuppressionPage } from "@/lib/db/suppressions/list-suppressions";

export const metadata = { title: "Accepted risks" };

/** Accepted risks per page: a thousand rules with their actions are read a page at a time. */
const PAGE_SIZE = 50;

export default async function SuppressionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const caller = await requirePageCaller();
  const page = pageParam((await searchParams).page);
  const { data: rows, total, expiringWithinWeek: expiring } = await listSuppressionPage({ page, limit: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Accepted risks"
        description="Exemptions with a reason, an owner and an expiry. Critical and high ones need a second person. Accepted findings stay visible and exportable and count as passing; when a risk is approved, revoked or expires, the latest snapshot is scored again at once. Nothing in a cluster (annotations, labels) can exempt anything."
      />
      {expiring ? (
        <Notice role="alert" tone="warning" className="mb-4">
          {expiring} accepted risk{expiring === 1 ? " expires" : "s expire"} within a week: extend with a new review, or
          let the findings return.
        </Notice>
      ) : null}
      {total ? (
        <>
          <Pager
            label="Accepted risks"
            order="newest first"
            page={page}
            size={PAGE_SIZE}
            total={total}
            shown={rows.length}
            href={(n) => (n === 1 ? "/suppressions" : `/suppressions?page=${n}`)}
          />
          <SuppressionsTable
            rows={rows}
            me={caller.email}
            canAct={hasRole(caller.role, "analyst")}
            isAdmin={caller.role === "admin"}
          />
        </>
      ) : (
        <EmptyState title="No accepted risks">Open a finding and use “Accept this risk” to propose one.</EmptyState>
      )}
    </>
  );
}
