import { describe, expect, it } from "vitest";

describe("ensureQueue (the worker's queues at start)", () => {
  it("creates a queue, accepts one that already exists, and lets any other failure through instead of swallowing it", async () => {
    const { getBoss, stopBoss } = await import("@/lib/jobs/boss");
    const { ensureQueue } = await import("@/lib/jobs/ensure-queue");
    const boss = await getBoss({ worker: true });
    try {
      const name = `ensure-queue-${Date.now()}`;
      await ensureQueue(boss, name);
      await ensureQueue(boss, name);
      expect(await boss.getQueue(name)).toMatchObject({ name });
      // Refused by pg-boss itself: a start must stop on it, not run without the queue.
      await expect(ensureQueue(boss, "not a queue name!")).rejects.toThrow(/name/i);
      expect(await boss.getQueue("not a queue name!").catch(() => null)).toBeFalsy();
    } finally {
      await stopBoss();
    }
  });
});
