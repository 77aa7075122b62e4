import { PageHeader } from "@/components/layout/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { UsersManager } from "@/components/settings/users-manager";
import { requirePageCaller } from "@/lib/api/page-caller";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const caller = await requirePageCaller("admin");
  return (
    <>
      <PageHeader
        title="Settings"
        description="Who can use Bulwark, and with which role: viewers read, analysts also scan, accept risks and export, admins also manage clusters, users and settings."
      />
      <SettingsTabs current="/settings/users" role={caller.role} />
      <UsersManager currentUserEmail={caller.email} />
    </>
  );
}
