import { z } from "zod";

export const ZClusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  enabled: z.boolean(),
  isDemo: z.boolean(),
  lastScanAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
});
export type ClusterSummary = z.infer<typeof ZClusterSummary>;
