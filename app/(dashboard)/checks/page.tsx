import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Checks" };

export default function ChecksPage() {
  return (
    <>
      <PageHeader title="Checks" description="The security checks Bulwark runs, by layer, and how scores are computed." />
      <EmptyState title="The check catalog is empty">No checks are registered in this build.</EmptyState>
    </>
  );
}
