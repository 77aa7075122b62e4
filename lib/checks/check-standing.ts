const clusters = (n: number) => `${n} cluster${n === 1 ? "" : "s"}`;

/**
 * Where a check stands across the fleet's latest completed scans. "Passing" only where it was
 * evaluated and found nothing: a check that could not run, or had nothing to judge, is never
 * counted as passing.
 */
export function checkStanding(
  failingIn: number,
  { notEvaluated, notApplicable }: { notEvaluated: number; notApplicable: number },
  scanned: number,
): string {
  const passing = scanned - failingIn - notEvaluated - notApplicable;
  if (scanned === 0) return "no completed scan yet";
  if (failingIn === 0 && notEvaluated + notApplicable === 0) return "passing everywhere";
  const parts = [
    failingIn ? `fails in ${clusters(failingIn)}` : null,
    notEvaluated ? `not evaluated in ${clusters(notEvaluated)}` : null,
    notApplicable ? `not applicable in ${clusters(notApplicable)}` : null,
    passing > 0 ? `passing in ${clusters(passing)}` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}
