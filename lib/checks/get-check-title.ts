import { ALL_CHECKS } from "./registry";
import type { CheckSettings } from "./settings";

const BY_ID = new Map(ALL_CHECKS.map((c) => [c.id, c]));

/** A check's title by id; an id no longer in the catalog shows as itself. */
export function getCheckTitle(id: string): string {
  return BY_ID.get(id)?.title ?? id;
}

/** A check's severity by id; an id no longer in the catalog counts as high (the cautious side). */
export function getCheckSeverity(id: string): string {
  return BY_ID.get(id)?.severity ?? "high";
}

/**
 * The severity a check has in this installation: its severity override, else the catalog's
 * (as scans apply it). Accepted risks use it at creation, change and listing alike, so an
 * overridden-critical check needs a second person however the rule is touched.
 */
export function effectiveSeverity(id: string, settings: Pick<CheckSettings, "severityOverrides">): string {
  return settings.severityOverrides[id] ?? getCheckSeverity(id);
}
