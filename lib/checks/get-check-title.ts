import { ALL_CHECKS } from "./registry";

const BY_ID = new Map(ALL_CHECKS.map((c) => [c.id, c]));

/** A check's title by id; an id no longer in the catalog shows as itself. */
export function getCheckTitle(id: string): string {
  return BY_ID.get(id)?.title ?? id;
}

/** A check's severity by id; an id no longer in the catalog counts as high (the cautious side). */
export function getCheckSeverity(id: string): string {
  return BY_ID.get(id)?.severity ?? "high";
}
