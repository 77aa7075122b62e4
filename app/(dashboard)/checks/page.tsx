import { CheckCatalog } from "@/components/checks/check-catalog";
import { ScoringFormula } from "@/components/checks/scoring-formula";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Checks" };

export default function ChecksPage() {
  return (
    <>
      <PageHeader title="Checks" description="The security checks Bulwark runs, by layer, and how scores are computed." />
      <ScoringFormula />
      <CheckCatalog />
    </>
  );
}
