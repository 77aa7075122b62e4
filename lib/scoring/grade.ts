import { GRADE_BANDS, type Grade } from "./weights";

/** A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F below. */
export function gradeFor(score: number): Grade {
  return (GRADE_BANDS.find((b) => score >= b.min) ?? GRADE_BANDS[GRADE_BANDS.length - 1]!).grade;
}
