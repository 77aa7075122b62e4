import { CheckCatalog } from "@/components/checks/check-catalog";
import { CheckPrinciples } from "@/components/checks/check-principles";
import { ScoringFormula } from "@/components/checks/scoring-formula";
import { PageHeader } from "@/components/layout/page-header";
import { countScannedClusters, listUnjudgedChecks } from "@/lib/db/checks/list-unjudged-checks";
import { listFailingChecks } from "@/lib/db/findings/list-failing-checks";
import { getCheckSettings } from "@/lib/db/settings/check-settings";

export const metadata = { title: "Checks" };

export default async function ChecksPage() {
  const [failing, unjudged, scannedClusters, settings] = await Promise.all([
    listFailingChecks().then((rows) =>
      Map.groupBy(
        rows.filter((f) => f.open > 0),
        (f) => f.checkId,
      ),
    ),
    listUnjudgedChecks().then((rows) => Map.groupBy(rows, (u) => u.checkId)),
    countScannedClusters(),
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
      <CheckCatalog failing={failing} unjudged={unjudged} scannedClusters={scannedClusters} settings={settings} />
    </>
  );
}
