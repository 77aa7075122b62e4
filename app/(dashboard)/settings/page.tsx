import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Clusters, schedules, users and check settings." />
      <EmptyState title="No clusters configured">
        To scan a cluster, Bulwark needs a kubeconfig context it can read with, or an uploaded kubeconfig (stored
        encrypted). Without any, <code className="rounded bg-slate-100 px-1">npm start</code> registers the built-in
        demo cluster so you can explore.
      </EmptyState>
    </>
  );
}
