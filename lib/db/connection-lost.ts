import { env } from "@/lib/env.js";

function databasePort(): number | undefined {
  if (!env.DATABASE_URL) return undefined;
  return Number(new URL(env.DATABASE_URL).port || 5432);
}

/** SQLSTATEs of a server shutting down, restarting or refusing connections for now. */
const TRANSIENT_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTCONN"]);
/** Prisma's: server unreachable, timed out, connection closed, pool timeout. */
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const LOST_MESSAGE =
  /Connection terminated|connection (is )?closed|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|Can't reach database server|DatabaseNotReachable|the database system is (starting up|shutting down)/i;

/**
 * True when a database error means the connection or server went away (the error itself or any
 * error it wraps), so the same work may simply be tried again later.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, port } = e as { code?: unknown; port?: unknown };
    if (typeof code === "string" && (TRANSIENT_SQLSTATES.has(code) || PRISMA_UNREACHABLE.has(code))) return true;
    // A socket error counts only when it is not about another server (a cluster, a webhook).
    if (typeof code === "string" && TRANSIENT_CODES.has(code) && (port === undefined || port === databasePort()))
      return true;
    const kind = (e as { kind?: unknown }).kind;
    if (LOST_MESSAGE.test(e instanceof Error ? e.message : typeof kind === "string" ? kind : String(e))) return true;
  }
  return false;
}

/**
 * Runs `fn` again while it fails because the database went away (a restart, a failover), with
 * growing pauses up to `forMs` in all; any other error, or the last one, is thrown.
 */
export async function retryWhileConnectionLost<T>(
  fn: () => Promise<T>,
  onRetry: (error: unknown, attempt: number) => void,
  forMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const pause = Math.min(250 * 2 ** attempt, 5_000);
      if (!isConnectionLost(error) || Date.now() + pause > deadline) throw error;
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
