/** SQLSTATEs of a server shutting down, restarting or refusing connections for now. */
const TRANSIENT_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTCONN"]);

/** True when a database error means the connection or server went away, so the same work may simply be tried again. */
export function isConnectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_CODES.has(code))) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated|connection (is )?closed|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect/i.test(message);
}

/**
 * Runs `fn` again while it fails because the database went away (a restart, a failover), with
 * growing pauses up to `forMs` in all; any other error, or the last one, is thrown.
 */
export async function retryWhileConnectionLost<T>(fn: () => Promise<T>, onRetry: (error: unknown, attempt: number) => void, forMs = 120_000): Promise<T> {
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
