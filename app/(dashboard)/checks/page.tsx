import { CheckCatalog } from "@/components/checks/check-catalog";
import { CheckPrinciples } from "@/components/checks/check-principles";
import { ScoringFormula } from "@/components/checks/scoring-formula";
import { PageHeader } from "@/components/layout/page-header";
import { listFailingChecks } from "@/lib/db/findings/list-failing-checks";
import { getCheckSettings } from "@/lib/db/settings/check-settings";

export const metadata = { title: "Checks" };

export default async function ChecksPage() {
  const [failing, settings] = await Promise.all([
    listFailingChecks().then((rows) =>
      Map.groupBy(
        rows.filter((f) => f.open > 0),
        (f) => f.checkId,
      ),
    ),
    getCheckSettings(),
  ]);
  return (
    <>
      <PageHeader
        title="Checks"
        description="The security checks Bulwark runs, by layer, and how scores are computed."
      />
      <CheckPrinciples />
      <ScoringFormula />
      <CheckCatalog failing={failing} settings={settings} />
    </>
  );
}
