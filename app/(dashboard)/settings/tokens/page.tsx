import { PageHeader } from "@/components/layout/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { TokensManager } from "@/components/settings/tokens-manager";
import { requirePageCaller } from "@/lib/api/page-caller";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const caller = await requirePageCaller();
  return (
    <>
      <PageHeader
        title="Settings"
        description="API tokens for automation: scoped, expiring, revocable, and never stronger than their owner."
      />
      <SettingsTabs current="/settings/tokens" role={caller.role} />
      <TokensManager role={caller.role} />
    </>
  );
}
