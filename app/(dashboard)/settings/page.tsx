import { PageHeader } from "@/components/layout/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageCaller } from "@/lib/api/page-caller";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const caller = await requirePageCaller();
  return (
    <>
      <PageHeader title="Settings" description="Clusters, schedules, users and check settings." />
      <SettingsTabs current="/settings" role={caller.role} />
      <EmptyState
        title="No clusters configured"
        action={
          <a href="/bulwark-clusterrole.yaml" download className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
            Download the read-only ClusterRole
          </a>
        }
      >
        To scan a cluster, Bulwark needs a kubeconfig context it can read with, or an uploaded kubeconfig (stored
        encrypted). Apply the ClusterRole first: every rule is a read-only list, and each one says why it is needed.
        Without any cluster, <code className="rounded bg-slate-100 px-1">npm start</code> registers the built-in demo
        cluster so you can explore.
      </EmptyState>
    </>
  );
}
