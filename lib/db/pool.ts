import pg from "pg";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";

const globalForPool = globalThis as unknown as { bulwarkPool?: pg.Pool };

/**
 * A plain pg pool beside Prisma, for the few bulk statements Prisma cannot express well
 * (temporary tables, unnest of 500k-element arrays, COPY). Only lib/db uses it.
 */
export function getPool(): pg.Pool {
  if (globalForPool.bulwarkPool) return globalForPool.bulwarkPool;
  if (!env.DATABASE_URL) throw new AppError("CONFIGURATION", { message: "DATABASE_URL is not set" });
  globalForPool.bulwarkPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 5 });
  return globalForPool.bulwarkPool;
}
