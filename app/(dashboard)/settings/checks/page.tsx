import { PageHeader } from "@/components/layout/page-header";
import { CheckSettingsForm } from "@/components/settings/check-settings-form";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requirePageCaller } from "@/lib/api/page-caller";
import { ALL_CHECKS } from "@/lib/checks/registry";
import { getCheckSettings } from "@/lib/db/settings/check-settings";

export const metadata = { title: "Check settings" };

export default async function CheckSettingsPage() {
  const caller = await requirePageCaller();
  const settings = await getCheckSettings();
  const catalog = ALL_CHECKS.map(({ id, layer, severity, title }) => ({ id, layer, severity, title }));
  return (
    <>
      <PageHeader
        title="Settings"
        description="Which checks run, how severe their findings are, and what they treat as trusted. The same settings as the CLI's --settings file."
      />
      <SettingsTabs current="/settings/checks" role={caller.role} />
      <CheckSettingsForm settings={settings} catalog={catalog} canEdit={caller.role === "admin"} />
    </>
  );
}
