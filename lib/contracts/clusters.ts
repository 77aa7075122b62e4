import { z } from "zod";

import { idText } from "./fields";

export const ZClusterSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  enabled: z.boolean(),
  isDemo: z.boolean(),
  scheduleMinutes: z.number(),
  /** The newest snapshot (running or ended): its id, start time and status. */
  lastSnapshotId: z.string().nullable(),
  lastScanAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
});
export type ClusterSummary = z.infer<typeof ZClusterSummary>;

const name = z
  .string()
  .trim()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "lowercase letters, digits and dashes");
/** Minutes between scheduled scans: every 15 minutes at the most, weekly at the least. */
const scheduleMinutes = z.number().int().min(15).max(10_080);

export const ZClusterCreateRequest = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("kubeconfig_context"),
    name,
    contextName: z.string().min(1).max(253),
    scheduleMinutes: scheduleMinutes.default(360),
  }),
  z.object({
    source: z.literal("kubeconfig_upload"),
    name,
    kubeconfig: z
      .string()
      .min(1)
      .max(256 * 1024),
    contextName: z.string().max(253).optional(),
    scheduleMinutes: scheduleMinutes.default(360),
  }),
]);
export type ClusterCreateRequest = z.infer<typeof ZClusterCreateRequest>;

export const ZClusterUpdateRequest = z
  .object({ name: name.optional(), scheduleMinutes: scheduleMinutes.optional(), enabled: z.boolean().optional() })
  .strict();
export type ClusterUpdateRequest = z.infer<typeof ZClusterUpdateRequest>;

export const ZClusterParams = z.object({ id: idText() });

/** What registering a cluster answers (201): its id, and what to know about its kubeconfig. */
export const ZClusterCreated = z.strictObject({ id: z.string(), warnings: z.array(z.string()) });

/** A connection test: reachable with the version and which resources can be read, or why not. */
export const ZConnectionTest = z.discriminatedUnion("reachable", [
  z.strictObject({
    reachable: z.literal(true),
    version: z.string(),
    resources: z.array(z.strictObject({ resource: z.string(), readable: z.boolean(), reason: z.string().optional() })),
    warnings: z.array(z.string()),
  }),
  z.strictObject({ reachable: z.literal(false), error: z.string() }),
]);

/** Scan now (202): the snapshot to follow, new or the one already running (`isNew` false). */
export const ZScanRequested = z.strictObject({ snapshotId: z.string(), isNew: z.boolean() });
