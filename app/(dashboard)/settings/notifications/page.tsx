import { PageHeader } from "@/components/layout/page-header";
import { NotificationSettings } from "@/components/settings/notification-settings";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requirePageCaller } from "@/lib/api/page-caller";
import { getNotificationView } from "@/lib/notify/webhook-settings";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const caller = await requirePageCaller("admin");
  return (
    <>
      <PageHeader title="Settings" description="Where Bulwark sends the findings each scan opens." />
      <SettingsTabs current="/settings/notifications" role={caller.role} />
      <NotificationSettings initial={await getNotificationView()} />
    </>
  );
}
