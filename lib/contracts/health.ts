import { z } from "zod";

/** Readiness: "ok" (200) only when the database answers and the scan queue is installed; else 503 naming the part. */
export const ZHealth = z.strictObject({
  status: z.enum(["ok", "starting", "degraded"]),
  db: z.enum(["ok", "down"]),
  queue: z.enum(["ok", "starting", "unknown"]),
});

/** Liveness: the process serves HTTP. */
export const ZLive = z.strictObject({ status: z.literal("ok") });
