import { z } from "zod";

import { idText } from "./fields";

export const ZSnapshotParams = z.object({ id: idText() });

export const ZSnapshotDetail = z.strictObject({
  id: z.string(),
  clusterId: z.string(),
  seq: z.number(),
  status: z.enum(["running", "succeeded", "partial", "failed"]),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  kubernetesVersion: z.string().nullable(),
  objectCounts: z.record(z.string(), z.number()),
  /** What could not be collected; `heldKinds`: kinds whose findings were kept as they were because of it. */
  warnings: z.array(
    z.strictObject({
      kind: z.string(),
      status: z.number().nullable(),
      reason: z.string(),
      heldKinds: z.array(z.string()).optional(),
    }),
  ),
  /** Checks that could not be evaluated (they weigh as failing in the scores), and why. */
  notEvaluated: z.array(z.strictObject({ checkId: z.string(), reason: z.string() })),
  phases: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  findingCount: z.number(),
  newCount: z.number(),
  resolvedCount: z.number(),
  isDemo: z.boolean(),
});
export type SnapshotDetail = z.infer<typeof ZSnapshotDetail>;
