import { ClusterSettings } from "@/components/clusters/cluster-settings";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageCaller } from "@/lib/api/page-caller";
import { listClusters } from "@/lib/db/clusters/list-clusters";

export const metadata = { title: "Settings" };

const CLUSTER_ROLE = (
  <a href="/bulwark-clusterrole.yaml" download className={buttonClass()}>
    Download the read-only ClusterRole
  </a>
);

export default async function SettingsPage() {
  const caller = await requirePageCaller();
  const clusters = await listClusters();
  return (
    <>
      <PageHeader title="Settings" description="Clusters, schedules, users and API tokens." />
      <SettingsTabs current="/settings" role={caller.role} />
      {caller.role === "admin" && clusters.length ? <ClusterSettings clusters={clusters} /> : null}
      {clusters.length === 0 ? (
        <EmptyState title="No clusters configured" action={CLUSTER_ROLE}>
          To scan a cluster, Bulwark needs a kubeconfig context it can read with, or an uploaded kubeconfig (stored
          encrypted). Apply the ClusterRole first: every rule is a read-only list, and each one says why it is needed.
          Without any cluster, <code className="rounded bg-slate-100 px-1">npm start</code> registers the built-in demo
          cluster so you can explore.
        </EmptyState>
      ) : (
        <Card aria-labelledby="role" className="mt-6 text-sm">
          <CardTitle id="role">Permissions Bulwark needs</CardTitle>
          <p className="mb-3 text-slate-700">
            Apply this ClusterRole and bind it to the identity in the kubeconfig: every rule is a read-only list, and
            each says why it is needed. Secret values are never read.
          </p>
          {CLUSTER_ROLE}
        </Card>
      )}
    </>
  );
}
