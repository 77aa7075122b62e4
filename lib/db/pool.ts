import pg from "pg";

import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const globalForPool = globalThis as unknown as { bulwarkPool?: pg.Pool };

/**
 * How both pools (this one and Prisma's) keep idle connections: five minutes, not pg's ten
 * seconds, so the first requests after a quiet spell do not each open new connections, whose
 * backends then read the catalog afresh (a new backend plans compare's statement in 3 ms, a warm
 * one in 0.7). An idle connection does not keep a process alive (a script ends when its work does).
 */
export const IDLE_CONNECTIONS = { idleTimeoutMillis: 300_000, allowExitOnIdle: true } as const;

/**
 * A plain pg pool beside Prisma, for the few bulk statements Prisma cannot express well
 * (temporary tables, unnest of 500k-element arrays, COPY). Only lib/db uses it.
 */
export function getPool(): pg.Pool {
  if (globalForPool.bulwarkPool) return globalForPool.bulwarkPool;
  if (!env.DATABASE_URL) throw new AppError("CONFIGURATION", { message: "DATABASE_URL is not set" });
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 5, ...IDLE_CONNECTIONS });
  // A connection dropped by the server (restart, failover) must not crash the process: idle
  // ones report to the pool, checked-out ones (a transaction, a COPY) to their own client,
  // whose query then fails and is retried or reported by its caller.
  const lost = (error: Error) => log.warn({ err: error.message }, "database connection lost");
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  globalForPool.bulwarkPool = pool;
  return pool;
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.bulwarkPool;
  globalForPool.bulwarkPool = undefined;
  await pool?.end();
}
