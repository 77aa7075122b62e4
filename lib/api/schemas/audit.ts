import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD").optional();
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

export const ZAuditFilters = z.object({
  /** An action or an action prefix ("suppression." for every suppression event). */
  action: text(80),
  actor: text(320),
  from: day,
  to: day,
  cursor: z.string().regex(/^\d{1,19}$/).optional(),
});
export type AuditFilters = z.infer<typeof ZAuditFilters>;

export type AuditEventRow = { id: string; at: string; actorEmail: string | null; ip: string | null; action: string; targetType: string | null; targetId: string | null; details: string };
