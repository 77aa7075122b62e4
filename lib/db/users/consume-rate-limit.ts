import { getPool } from "../pool";

/** Rows untouched for longer than this are forgotten (longer than any window the sign-in library uses). */
const FORGET_AFTER_MS = 60 * 60_000;

/**
 * The sign-in library's request limit, one atomic statement per request so every web worker and
 * replica counts against the same row: a key's window starts at its latest allowed request and
 * resets once `window` seconds have passed since it; every request in the window counts, and those
 * past `max` are refused until it resets (the library's own semantics, without its read-then-write).
 */
export async function consumeRateLimit(
  key: string,
  rule: { window: number; max: number },
  now = Date.now(),
): Promise<{ allowed: boolean; retryAfter: number | null }> {
  const windowMs = rule.window * 1000;
  const { rows } = await getPool().query<{ count: number; lastRequest: string }>(
    `INSERT INTO rate_limit (key, count, "lastRequest") VALUES ($1, 1, $2)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN $2 - rate_limit."lastRequest" >= $3 THEN 1 ELSE rate_limit.count + 1 END,
       "lastRequest" = CASE WHEN $2 - rate_limit."lastRequest" >= $3 OR rate_limit.count < $4 THEN $2 ELSE rate_limit."lastRequest" END
     RETURNING count, "lastRequest"`,
    [key, now, windowMs, rule.max],
  );
  const { count, lastRequest } = rows[0]!;
  // A new window somewhere: forget the keys nobody has used for an hour.
  if (count === 1) await getPool().query(`DELETE FROM rate_limit WHERE "lastRequest" < $1`, [now - FORGET_AFTER_MS]);
  if (count <= rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((Number(lastRequest) + windowMs - now) / 1000)) };
}
