import { ALL_CHECKS } from "./registry";

const TITLES = new Map(ALL_CHECKS.map((c) => [c.id, c.title]));

/** A check's title by id; an id no longer in the catalog shows as itself. */
export function getCheckTitle(id: string): string {
  return TITLES.get(id) ?? id;
}
