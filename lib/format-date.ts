/**
 * How the UI shows instants: UTC, so every reader of an audit trail sees the same time. The
 * formatters are built once: `toLocaleString` with options builds a new one per call (~80 µs),
 * which a page with a few thousand dates (trend labels, option lists) paid on every request.
 */
const UTC_DATE_TIME = {
  short: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }),
  medium: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "medium" }),
};
const UTC_DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const UTC_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium" });

/** As toLocaleString says of a value that is not a date (format() would throw instead). */
const format = (f: Intl.DateTimeFormat, iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "Invalid Date" : f.format(d);
};

export function formatUtc(iso: string, style: "short" | "medium" = "short"): string {
  return format(UTC_DATE_TIME[style], iso);
}

export function formatUtcDay(iso: string): string {
  return format(UTC_DAY, iso);
}

/** A day with its year ("1 Dec 2025"): where a period can reach back past New Year. */
export function formatUtcDate(iso: string): string {
  return format(UTC_DATE, iso);
}
