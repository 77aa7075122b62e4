import { Card, CardTitle } from "@/components/ui/card";
import { GRADE_BANDS, MIN_GRADED_COVERAGE, SEVERITY_WEIGHT } from "@/lib/scoring/weights";

export function ScoringFormula() {
  return (
    <Card aria-labelledby="scoring" className="mb-8 text-sm text-slate-700">
      <CardTitle id="scoring" className="text-slate-900">
        How scores are computed
      </CardTitle>
      <p>
        For each check, the pass ratio is passing resources ÷ evaluated resources (findings under an accepted risk count
        as passing and are shown separately). A layer&apos;s score is{" "}
        <code className="font-mono">100 × Σ w(severity) × passRatio ÷ Σ w(severity)</code> over the checks that
        evaluated at least one resource and the checks that could not be evaluated, with weights{" "}
        {Object.entries(SEVERITY_WEIGHT)
          .map(([s, w]) => `${s} ${w}`)
          .join(", ")}
        . The overall score is the mean of the layer scores; namespaces are scored the same way over their own
        resources. A layer with nothing to evaluate (no workloads, say) has no score and is left out of the mean.
      </p>
      <p className="mt-2">
        <strong>Unknown is not safe.</strong> A check that could not be evaluated (a permission missing, an API the
        cluster does not serve) counts with a pass ratio of 0, as if it failed everywhere: losing read access can only
        lower a score, never raise it. Coverage is the share of the checks, by weight, that could be evaluated. Under{" "}
        {Math.round(MIN_GRADED_COVERAGE * 100)}% coverage a layer (or the overall score) gets no letter grade: it shows
        &quot;incomplete&quot; with its coverage and links to the checks that could not be evaluated and the permission
        that fixes each. The <code className="font-mono">bulwark</code> CLI scores the same way.
      </p>
      <p className="mt-2">
        <strong>Not applicable is not unknown.</strong> A check with nothing to judge by design is left out of the score
        and of its coverage, and listed with the reason: the provider runs that part (kubelets of a managed cluster),
        the nodes show no cloud that serves a metadata API, a setting it needs is not made (no trusted registries
        listed), no image scanner is installed (reported once, by its own check), or a manifests scan, which holds no
        nodes or other cluster state. Making the setting, or scanning the cluster, brings the check into the score.
      </p>
      <p className="mt-2">
        Grades:{" "}
        {GRADE_BANDS.filter((b) => b.grade !== "F")
          .map((b) => `${b.grade} ≥ ${b.min}`)
          .join(", ")}
        , F below. When an accepted risk is approved, revoked or expires, the latest snapshot is scored again at once;
        the trend shows the step at that time.
      </p>
    </Card>
  );
}
