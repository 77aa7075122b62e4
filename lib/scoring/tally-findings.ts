import { LAYERS, type Finding, type Layer, type Severity } from "@/lib/checks/types";

/** Findings of one layer (or of all): those no accepted risk covers (failed, and by severity), and those one covers. */
export type FindingTally = { failed: number; suppressed: number } & Record<Severity, number>;
export type FindingTallies = { overall: FindingTally; layers: Record<Layer, FindingTally> };
/** Findings alike in layer, severity and whether an accepted risk covers them, with how many there are. */
export type FindingGroup = { layer: Layer; severity: Severity; accepted: boolean; n: number };

const empty = (): FindingTally => ({ failed: 0, suppressed: 0, critical: 0, high: 0, medium: 0, low: 0 });

/**
 * The counts beside a score, from findings already merged per check, resource and container
 * (one row each, as stored and as listed): the scorecard's figures and the findings list's
 * count come from here, for the dashboard and the CLI alike.
 */
export function tallyFindings(groups: Iterable<FindingGroup>): FindingTallies {
  const layers = Object.fromEntries(LAYERS.map((l) => [l, empty()])) as Record<Layer, FindingTally>;
  const overall = empty();
  for (const g of groups) {
    for (const t of [overall, layers[g.layer]]) {
      if (g.accepted) {
        t.suppressed += g.n;
      } else {
        t.failed += g.n;
        t[g.severity] += g.n;
      }
    }
  }
  return { overall, layers };
}

/** The same counts over merged findings themselves (one group each). */
export function tallyMergedFindings(
  findings: readonly Finding[],
  isAccepted: (f: Finding) => boolean = () => false,
): FindingTallies {
  return tallyFindings(findings.map((f) => ({ layer: f.layer, severity: f.severity, accepted: isAccepted(f), n: 1 })));
}
