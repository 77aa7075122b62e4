import { CheckCatalog } from "@/components/checks/check-catalog";
import { CheckPrinciples } from "@/components/checks/check-principles";
import { ScoringFormula } from "@/components/checks/scoring-formula";
import { PageHeader } from "@/components/layout/page-header";
import { countScannedClusters } from "@/lib/db/checks/count-scanned-clusters";
import { listCheckStandings } from "@/lib/db/checks/list-check-standings";
import { getCheckSettings } from "@/lib/db/settings/check-settings";

export const metadata = { title: "Checks" };

export default async function ChecksPage() {
  const [standings, scannedClusters, settings] = await Promise.all([
    listCheckStandings(0),
    countScannedClusters(),
    getCheckSettings(),
  ]);
  return (
    <>
      <PageHeader
        title="Checks"
        description="The security checks Bulwark runs, by layer, where each stands across the fleet, and how scores are computed. Open a check for what it looks for, how to fix it and every cluster it fails."
      />
      <CheckPrinciples />
      <ScoringFormula />
      <CheckCatalog standings={standings} scannedClusters={scannedClusters} settings={settings} />
    </>
  );
}
