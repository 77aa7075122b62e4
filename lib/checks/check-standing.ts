const clusters = (n: number) => `${n} cluster${n === 1 ? "" : "s"}`;

/**
 * Where a check stands across the fleet's latest completed scans. "Passing" only where it was
 * evaluated and found nothing: a check that could not run, or had nothing to judge, is never
 * counted as passing.
 */
export function checkStanding(
  failingIn: number,
  unjudged: readonly { status: "not-evaluated" | "not-applicable" }[],
  scanned: number,
): string {
  const notEvaluated = unjudged.filter((u) => u.status === "not-evaluated").length;
  const notApplicable = unjudged.length - notEvaluated;
  const passing = scanned - failingIn - unjudged.length;
  if (scanned === 0) return "no completed scan yet";
  if (failingIn === 0 && unjudged.length === 0) return "passing everywhere";
  const parts = [
    failingIn ? `fails in ${clusters(failingIn)}` : null,
    notEvaluated ? `not evaluated in ${clusters(notEvaluated)}` : null,
    notApplicable ? `not applicable in ${clusters(notApplicable)}` : null,
    passing > 0 ? `passing in ${clusters(passing)}` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}
