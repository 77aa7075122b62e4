import { z } from "zod";

import { calendarDay as day, int8Id, filterText as text } from "./fields";

export const ZAuditFilters = z.object({
  /** An action or an action prefix ("suppression." for every suppression event). */
  action: text(80).meta({
    description: "An action, or a prefix of one (`suppression.` for every accepted-risk event).",
  }),
  actor: text(320).meta({ description: "The actor's email address." }),
  from: day.meta({ description: "On or after this UTC day (YYYY-MM-DD)." }),
  to: day.meta({ description: "On or before this UTC day (YYYY-MM-DD)." }),
  cursor: int8Id("the page cursor")
    .optional()
    .meta({ description: "The page after this one (a page's `nextCursor`)." }),
});
export type AuditFilters = z.infer<typeof ZAuditFilters>;

export const ZAuditEventRow = z.strictObject({
  id: z.string(),
  at: z.string(),
  actorEmail: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The event's details as a JSON text. */
  details: z.string(),
});
export type AuditEventRow = z.infer<typeof ZAuditEventRow>;

/** One page of the audit log, newest first; `nextCursor` asks for the next (older) one. */
export const ZAuditPage = z.strictObject({ data: z.array(ZAuditEventRow), nextCursor: z.string().nullable() });
