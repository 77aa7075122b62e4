import type { TrendPoint } from "@/lib/contracts/trend";

type SeriesKey = Exclude<keyof TrendPoint, "takenAt">;

/**
 * The points as columns (times as epoch milliseconds, a score list per series): a year of
 * snapshots is a few kilobytes of page data, not 365 objects spelling out every key and date.
 */
export type TrendColumns = { t: number[] } & Record<SeriesKey, (number | null)[]>;

export function toTrendColumns(points: TrendPoint[]): TrendColumns {
  const column = (key: SeriesKey) => points.map((p) => p[key]);
  return {
    t: points.map((p) => Date.parse(p.takenAt)),
    overall: column("overall"),
    node: column("node"),
    network: column("network"),
    secrets: column("secrets"),
    pod: column("pod"),
    container: column("container"),
  };
}
