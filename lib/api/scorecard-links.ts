import type { Layer } from "@/lib/checks/types";

/** The figures a scorecard shows for a layer (or overall), each a count of findings its link lists. */
export type ScorecardCount = "open" | "critical" | "high" | "suppressed";

const QUERY: Record<ScorecardCount, string> = {
  open: "",
  critical: "&severity=critical",
  high: "&severity=high",
  suppressed: "&status=suppressed",
};

/** The findings page listing exactly the rows a scorecard count counts (open, not under an accepted risk, unless `suppressed`). */
export function scorecardLink(clusterId: string, layer: Layer | null, count: ScorecardCount): string {
  return `/findings?cluster=${encodeURIComponent(clusterId)}${layer ? `&layer=${layer}` : ""}${QUERY[count]}`;
}
