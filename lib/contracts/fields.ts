import { z } from "zod";

/** The largest PostgreSQL bigint: ids above it cannot exist and would make the database fail. */
const INT8_MAX = 9_223_372_036_854_775_807n;

/** A bigint id: digits only, within PostgreSQL's range. */
export const isInt8Id = (v: string): boolean => /^\d{1,19}$/.test(v) && BigInt(v) <= INT8_MAX;
export const int8Id = (what: string) => z.string().refine(isInt8Id, `${what}: a whole number from 0 to 2^63 − 1`);

/** A real calendar day as YYYY-MM-DD (no 2024-99-99, no year 0). */
export function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
export const calendarDay = z.string().refine(isCalendarDay, "a real date as YYYY-MM-DD").optional();

/** No control characters (NUL cannot even be stored in PostgreSQL text). */
export const hasNoControlCharacters = (v: string): boolean => !/\p{Cc}/u.test(v);

/** No control characters but line breaks and tabs: free text such as a note may span lines. */
export const hasNoControlCharactersButLineBreaks = (v: string): boolean => !/[^\P{Cc}\n\r\t]/u.test(v);

/** An id from a path, a query or a body: trimmed, 1 to `max` characters, no control characters. */
export const idText = (max = 64) =>
  z.string().trim().min(1).max(max).refine(hasNoControlCharacters, "no control characters");

/** A free-text filter: trimmed, at most `max` characters, no control characters; empty means none. */
export const filterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(hasNoControlCharacters, "no control characters")
    .optional()
    .transform((v) => v || undefined);
