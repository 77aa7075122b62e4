import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Reports" };

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Score trends, new and resolved findings, and time to resolve, per period." />
      <EmptyState title="Nothing to report yet">
        Reports need at least one scanned cluster. Once snapshots accumulate, pick clusters and a period here to see
        how posture changed.
      </EmptyState>
    </>
  );
}
