import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";

import { IDLE_CONNECTIONS } from "./pool";

const globalForPrisma = globalThis as unknown as { bulwarkPrisma?: PrismaClient };

/** The process-wide Prisma client (one pool per process, reused across hot reloads). */
export function getPrisma(): PrismaClient {
  if (globalForPrisma.bulwarkPrisma) return globalForPrisma.bulwarkPrisma;
  if (!env.DATABASE_URL) {
    throw new AppError("CONFIGURATION", { message: "DATABASE_URL is not set: start Bulwark with `npm start`." });
  }
  // The timeout also bounds the wait for a free pooled connection: with 50 users at once a
  // request queues behind others for seconds, which is load, not an outage (a database that is
  // down refuses the connection at once).
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    connectionTimeoutMillis: 20_000,
    ...IDLE_CONNECTIONS,
  });
  globalForPrisma.bulwarkPrisma = new PrismaClient({ adapter });
  return globalForPrisma.bulwarkPrisma;
}
