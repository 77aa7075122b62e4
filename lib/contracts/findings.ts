import { z } from "zod";

import { LAYERS, SEVERITIES } from "@/lib/checks/types";

import { calendarDay, filterText, int8Id } from "./fields";

export const FINDING_STATUSES = ["open", "suppressed", "resolved", "all"] as const;
/** What users read for each status: "suppressed" in addresses and the API, "accepted risk" on screen and in exports. */
export const FINDING_STATUS_LABEL: Record<(typeof FINDING_STATUSES)[number], string> = {
  open: "open",
  suppressed: "accepted risk",
  resolved: "resolved",
  all: "all",
};
export const FINDING_SORTS = ["severity", "newest", "oldest", "resource"] as const;
export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** "a,b" or repeated params → a list of allowed values. */
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length))
    .optional();
const day = calendarDay;
const text = filterText;

/** The findings browser's filters: the same in the URL, the list API and the CSV export. */
export const ZFindingFilters = z.object({
  cluster: text(64).meta({ description: "A cluster id." }),
  layer: list(LAYERS).meta({ description: `Layers, comma-separated: ${LAYERS.join(", ")}.` }),
  severity: list(SEVERITIES).meta({ description: `Severities, comma-separated: ${SEVERITIES.join(", ")}.` }),
  check: text(120).meta({ description: "A check id." }),
  namespace: text(253),
  kind: text(63).meta({ description: "A resource kind (Deployment, Pod…)." }),
  status: z
    .enum(FINDING_STATUSES)
    .default("open")
    .meta({ description: "`suppressed`: under an accepted risk; `all`: open, suppressed and resolved." }),
  /** First seen on or after / on or before (UTC days). */
  from: day.meta({ description: "First seen on or after this UTC day (YYYY-MM-DD)." }),
  to: day.meta({ description: "First seen on or before this UTC day (YYYY-MM-DD)." }),
  /** Text search in resource name, namespace, container, check id and message. */
  q: text(200).meta({
    description: "Text in the resource name, namespace, container, check id or message (literal, not a pattern).",
  }),
  sort: z.enum(FINDING_SORTS).default("severity"),
  /** Only the findings present in this snapshot (its lifetimes contain the snapshot). */
  snapshot: text(64).meta({ description: "Only the findings present in this snapshot." }),
});
export type FindingFilters = z.infer<typeof ZFindingFilters>;

export const ZFindingListQuery = ZFindingFilters.extend({
  /** The page after this cursor… */
  cursor: z.string().max(400).optional().meta({ description: "The page after this one (a page's `nextCursor`)." }),
  /** …or the page before this one. */
  before: z.string().max(400).optional().meta({ description: "The page before this one (a page's `prevCursor`)." }),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "25, 50, 100 or 200")
    .default(50)
    .meta({ description: "Rows per page: 25, 50, 100 or 200." }),
}).refine((q) => !(q.cursor && q.before), {
  message: "a page is either after one cursor or before another",
  path: ["before"],
});
export type FindingListQuery = z.infer<typeof ZFindingListQuery>;

export const ZFindingRow = z.strictObject({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  checkId: z.string(),
  checkTitle: z.string(),
  layer: z.string(),
  severity: z.string(),
  resourceKind: z.string(),
  namespace: z.string(),
  resourceName: z.string(),
  container: z.string(),
  message: z.string(),
  status: z.enum(["open", "suppressed", "resolved"]),
  firstSeenAt: z.string(),
  lastSeenAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The accepted risk covering it, if any. */
  suppressionId: z.string().nullable(),
  suppressionReason: z.string().nullable(),
  suppressionApprover: z.string().nullable(),
  suppressionExpiresAt: z.string().nullable(),
});
export type FindingRow = z.infer<typeof ZFindingRow>;

/** One keyset page: the cursors ask for the page after (`cursor=`) and before (`before=`) it. */
export const ZFindingPage = z.strictObject({
  data: z.array(ZFindingRow),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
});
export type FindingPage = z.infer<typeof ZFindingPage>;

/** One lifetime of the same check on the same resource and container: from the snapshot that first saw it to the last. */
export const ZFindingLifetime = z.strictObject({
  id: z.string(),
  firstSeq: z.number(),
  lastSeq: z.number().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  message: z.string(),
});

/** A finding with its history across snapshots. */
export const ZFindingDetail = ZFindingRow.extend({
  fingerprint: z.string(),
  history: z.array(ZFindingLifetime),
  snapshotsSeen: z.number(),
});

export const ZFindingParams = z.object({ id: int8Id("a finding id") });
