import { z } from "zod";
import { FRAMEWORK_IDS } from "@/lib/frameworks/registry";

export const ZFrameworkParams = z.object({ id: z.enum(FRAMEWORK_IDS as [string, ...string[]]) });

export const ZFrameworkExportQuery = z.object({
  cluster: z.string().trim().min(1, "choose a cluster").max(64),
  /** A given snapshot of that cluster; its latest completed one when absent. */
  snapshot: z.string().trim().max(64).optional().transform((v) => v || undefined),
});
