import type { Control, FindingFilter, Judgement } from "./types";

/** Shorthands for framework data files: one line per control. */
export const auto = (...checks: string[]): Judgement => ({ by: "automated", checks });
export const autoOnly = (check: string, ...messageIncludes: string[]): Judgement => {
  const only: FindingFilter = { check, messageIncludes };
  return { by: "automated", checks: [check], only };
};
export const manual = (evidence: string): Judgement => ({ by: "manual", evidence });
export const notApplicable = (reason: string): Judgement => ({ by: "not-applicable", reason });

type Row = [id: string, title: string, judged: Judgement, flags?: { critical?: true }];
export type SectionData = { section: string; controlPlane?: true; rows: Row[] };

/** Controls from sections of rows; `reference` names where each control is defined. */
export function defineControls(reference: (id: string) => string, sections: SectionData[]): Control[] {
  return sections.flatMap(({ section, controlPlane, rows }) =>
    rows.map(([id, title, judged, flags]) => ({
      id,
      title,
      section,
      judged,
      reference: reference(id),
      ...(controlPlane ? { controlPlane } : {}),
      ...(flags?.critical ? { critical: true as const } : {}),
    })),
  );
}
