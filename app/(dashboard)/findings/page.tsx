import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Findings" };

export default function FindingsPage() {
  return (
    <>
      <PageHeader title="Findings" description="Every failed check, with the resource it concerns, across clusters." />
      <EmptyState title="No findings to show">
        Findings appear after the first scan of a cluster. Add a cluster in Settings, or check a folder of manifests
        from the command line with <code className="rounded bg-slate-100 px-1">npm run bulwark -- scan --manifests PATH</code>.
      </EmptyState>
    </>
  );
}
