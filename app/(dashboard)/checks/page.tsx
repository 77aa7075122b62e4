import { CheckCatalog } from "@/components/checks/check-catalog";
import { ScoringFormula } from "@/components/checks/scoring-formula";
import { PageHeader } from "@/components/layout/page-header";
import { listFailingChecks } from "@/lib/db/findings/list-failing-checks";

export const metadata = { title: "Checks" };

export default async function ChecksPage() {
  const failing = Map.groupBy(await listFailingChecks(), (f) => f.checkId);
  return (
    <>
      <PageHeader title="Checks" description="The security checks Bulwark runs, by layer, and how scores are computed." />
      <ScoringFormula />
      <CheckCatalog failing={failing} />
    </>
  );
}
