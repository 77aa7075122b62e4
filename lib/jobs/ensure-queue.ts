import type { PgBoss } from "pg-boss";

import { log } from "@/lib/log";

/**
 * Creates a queue unless it exists. Only "already exists" (another process created it first)
 * is expected; any other error (database down, permissions) is logged and stops the start, so
 * a worker never runs without its queues.
 */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  try {
    await boss.createQueue(name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/already exists/i.test(message)) return;
    log.error({ queue: name, err: message }, "creating a job queue failed");
    throw error;
  }
}
