import type { Severity } from "@/lib/checks/types";

/** Severity weights of the scoring formula (CHECKS.md, "Scoring"). */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 5, medium: 2, low: 1 };

/** Grade bands, highest first: a score at or above `min` earns the grade. */
export const GRADE_BANDS = [
  { grade: "A", min: 90 },
  { grade: "B", min: 80 },
  { grade: "C", min: 70 },
  { grade: "D", min: 60 },
  { grade: "F", min: 0 },
] as const;
export type Grade = (typeof GRADE_BANDS)[number]["grade"];

/** Below this coverage a score gets no letter grade ("incomplete"): too much is unknown to call it an A or an F. */
export const MIN_GRADED_COVERAGE = 0.9;
