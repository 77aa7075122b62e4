import { GRADE_BANDS, SEVERITY_WEIGHT } from "@/lib/scoring/weights";

export function ScoringFormula() {
  return (
    <section aria-labelledby="scoring" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
      <h2 id="scoring" className="mb-2 text-base font-semibold text-slate-900">How scores are computed</h2>
      <p>
        For each check, the pass ratio is passing resources ÷ evaluated resources (accepted risks count as passing and
        are shown separately). A layer&apos;s score is <code className="font-mono">100 × Σ w(severity) × passRatio ÷ Σ w(severity)</code>{" "}
        over the checks that evaluated at least one resource, with weights{" "}
        {Object.entries(SEVERITY_WEIGHT).map(([s, w]) => `${s} ${w}`).join(", ")}. The overall score is the mean of the
        layer scores; namespaces are scored the same way over their own resources.
      </p>
      <p className="mt-2">
        Grades: {GRADE_BANDS.filter((b) => b.grade !== "F").map((b) => `${b.grade} ≥ ${b.min}`).join(", ")}, F below. Checks
        that could not be evaluated (for example, a permission was missing) are left out and lower the coverage figure
        instead — they never count as a pass.
      </p>
    </section>
  );
}
