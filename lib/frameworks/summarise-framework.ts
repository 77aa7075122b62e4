import type { ControlResult } from "./types";

export type FrameworkSummary = {
  /** Controls judged by checks (pass + fail + notEvaluated): the denominator of `share`. */
  automated: number;
  pass: number;
  fail: number;
  notEvaluated: number;
  manual: number;
  manualAttested: number;
  notApplicable: number;
  /** pass / automated, or null when no automated control could apply. */
  share: number | null;
};

/** Controls per status: what a summary is computed from. */
export type StatusCounts = Omit<FrameworkSummary, "automated" | "share">;

/** The counts a framework view shows; every number is a count of the controls behind it. */
export function summariseFramework(controls: readonly Pick<ControlResult, "status" | "attested">[]): FrameworkSummary {
  const count = (status: ControlResult["status"]) => controls.filter((c) => c.status === status).length;
  return summariseCounts({
    pass: count("pass"),
    fail: count("fail"),
    notEvaluated: count("not-evaluated"),
    manual: count("manual"),
    manualAttested: controls.filter((c) => c.status === "manual" && c.attested).length,
    notApplicable: count("not-applicable"),
  });
}

/** The same summary from counts per status (the frameworks overview sums stored counts in SQL). */
export function summariseCounts(counts: StatusCounts): FrameworkSummary {
  const automated = counts.pass + counts.fail + counts.notEvaluated;
  return { ...counts, automated, share: automated ? counts.pass / automated : null };
}
