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

/** The counts a framework view shows; every number is a count of the controls behind it. */
export function summariseFramework(controls: readonly Pick<ControlResult, "status" | "attested">[]): FrameworkSummary {
  const count = (status: ControlResult["status"]) => controls.filter((c) => c.status === status).length;
  const pass = count("pass");
  const fail = count("fail");
  const notEvaluated = count("not-evaluated");
  const automated = pass + fail + notEvaluated;
  return {
    automated,
    pass,
    fail,
    notEvaluated,
    manual: count("manual"),
    manualAttested: controls.filter((c) => c.status === "manual" && c.attested).length,
    notApplicable: count("not-applicable"),
    share: automated ? pass / automated : null,
  };
}
