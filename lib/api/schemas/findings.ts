import { z } from "zod";
import { LAYERS, SEVERITIES } from "@/lib/checks/types";
import { calendarDay, filterText, int8Id } from "./fields";

export const FINDING_STATUSES = ["open", "suppressed", "resolved", "all"] as const;
/** What users read for each status: "suppressed" in addresses and the API, "accepted risk" on screen and in exports. */
export const FINDING_STATUS_LABEL: Record<(typeof FINDING_STATUSES)[number], string> = { open: "open", suppressed: "accepted risk", resolved: "resolved", all: "all" };
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
  cluster: text(64),
  layer: list(LAYERS),
  severity: list(SEVERITIES),
  check: text(120),
  namespace: text(253),
  kind: text(63),
  status: z.enum(FINDING_STATUSES).default("open"),
  /** First seen on or after / on or before (UTC days). */
  from: day,
  to: day,
  /** Text search in resource name, namespace, container, check id and message. */
  q: text(200),
  sort: z.enum(FINDING_SORTS).default("severity"),
  /** Only the findings present in this snapshot (its lifetimes contain the snapshot). */
  snapshot: text(64),
});
export type FindingFilters = z.infer<typeof ZFindingFilters>;

export const ZFindingListQuery = ZFindingFilters.extend({
  /** The page after this cursor… */
  cursor: z.string().max(400).optional(),
  /** …or the page before this one. */
  before: z.string().max(400).optional(),
  limit: z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "25, 50, 100 or 200").default(50),
}).refine((q) => !(q.cursor && q.before), { message: "a page is either after one cursor or before another", path: ["before"] });
export type FindingListQuery = z.infer<typeof ZFindingListQuery>;

export type FindingRow = {
  id: string;
  clusterId: string;
  clusterName: string;
  checkId: string;
  checkTitle: string;
  layer: string;
  severity: string;
  resourceKind: string;
  namespace: string;
  resourceName: string;
  container: string;
  message: string;
  status: "open" | "suppressed" | "resolved";
  firstSeenAt: string;
  lastSeenAt: string | null;
  resolvedAt: string | null;
  suppressionId: string | null;
  suppressionReason: string | null;
  suppressionApprover: string | null;
  suppressionExpiresAt: string | null;
};

export type FindingPage = { data: FindingRow[]; nextCursor: string | null; prevCursor: string | null };

export const ZFindingParams = z.object({ id: int8Id("a finding id") });
