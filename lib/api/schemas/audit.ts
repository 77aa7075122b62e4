import { z } from "zod";
import { calendarDay as day, filterText as text, int8Id } from "./fields";

export const ZAuditFilters = z.object({
  /** An action or an action prefix ("suppression." for every suppression event). */
  action: text(80),
  actor: text(320),
  from: day,
  to: day,
  cursor: int8Id("the page cursor").optional(),
});
export type AuditFilters = z.infer<typeof ZAuditFilters>;

export type AuditEventRow = { id: string; at: string; actorEmail: string | null; ip: string | null; action: string; targetType: string | null; targetId: string | null; details: string };
