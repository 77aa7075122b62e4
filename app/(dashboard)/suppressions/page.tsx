import { PageHeader } from "@/components/layout/page-header";
import { SuppressionsTable } from "@/components/suppressions/suppressions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { listSuppressions } from "@/lib/db/suppressions/list-suppressions";

export const metadata = { title: "Accepted risks" };

export default async function SuppressionsPage() {
  const caller = await requirePageCaller();
  const rows = await listSuppressions();
  const expiring = rows.filter((r) => r.expiresWithinWeek).length;
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
      {rows.length ? (
        <SuppressionsTable
          rows={rows}
          me={caller.email}
          canAct={hasRole(caller.role, "analyst")}
          isAdmin={caller.role === "admin"}
        />
      ) : (
        <EmptyState title="No accepted risks">Open a finding and use “Accept this risk” to propose one.</EmptyState>
      )}
    </>
  );
}
