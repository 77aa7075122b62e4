import type { StatusCounts } from "./summarise-framework";

const clusters = (n: number) => `${n} cluster${n === 1 ? "" : "s"}`;

/**
 * Where a control stands across the fleet's latest statuses, worst first: "fails in 3 clusters ·
 * not evaluated in 1 cluster · passes in 96 clusters". A manual control says how many clusters an
 * attestation covers; not evaluated is never folded into passing.
 */
export function controlStanding(t: StatusCounts | undefined): string {
  if (!t) return "no status (mapping changed)";
  const parts = [
    t.fail ? `fails in ${clusters(t.fail)}` : null,
    t.notEvaluated ? `not evaluated in ${clusters(t.notEvaluated)}` : null,
    t.pass ? `passes in ${clusters(t.pass)}` : null,
    t.manual ? `manual: attested in ${t.manualAttested} of ${clusters(t.manual)}` : null,
    t.notApplicable ? `not applicable in ${clusters(t.notApplicable)}` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}
