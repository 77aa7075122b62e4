/** How the UI shows instants: UTC, so every reader of an audit trail sees the same time. */
export function formatUtc(iso: string, style: "short" | "medium" = "short"): string {
  return new Date(iso).toLocaleString("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: style });
}

export function formatUtcDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
}
