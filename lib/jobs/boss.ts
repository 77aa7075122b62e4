import { PgBoss } from "pg-boss";

import { env } from "@/lib/env.js";
import { log } from "@/lib/log";

const globalForBoss = globalThis as unknown as { bulwarkBoss?: Promise<PgBoss> };

/**
 * The process's pg-boss client on the application's own Postgres. `worker: true` (the
 * scheduler process) also installs the schema, runs cron and maintenance; web processes only
 * send jobs.
 */
export function getBoss({ worker = false }: { worker?: boolean } = {}): Promise<PgBoss> {
  globalForBoss.bulwarkBoss ??= (async () => {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({
      connectionString: env.DATABASE_URL,
      migrate: worker,
      schedule: worker,
      supervise: worker,
      max: 4,
      ...(worker ? { cronMonitorIntervalSeconds: 5, cronWorkerIntervalSeconds: 5 } : {}),
    });
    boss.on("error", (error: unknown) => {
      // 57P01: the database is shutting down (a stop of `npm start`, a Ctrl-C that reached it first):
      // the queue reconnects when it is back; that is a warning, not an error.
      if ((error as { code?: string } | null)?.code === "57P01")
        log.warn({ err: String(error) }, "job queue: database shutting down");
      else log.error({ err: String(error) }, "job queue error");
    });
    try {
      await boss.start();
    } catch (error) {
      // Not installed yet (the worker installs it), or the database is down: the next call tries again.
      globalForBoss.bulwarkBoss = undefined;
      await boss.stop({ graceful: false }).catch(() => {});
      throw error;
    }
    return boss;
  })();
  return globalForBoss.bulwarkBoss;
}

export async function stopBoss(): Promise<void> {
  const boss = await globalForBoss.bulwarkBoss?.catch(() => undefined);
  globalForBoss.bulwarkBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 });
}
