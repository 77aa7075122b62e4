import { z } from "zod";
import { LAYERS, SEVERITIES } from "@/lib/checks/types";

export const ZCheckSummary = z.strictObject({
  id: z.string(),
  layer: z.enum(LAYERS),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  rationale: z.string(),
  remediation: z.string(),
  references: z.array(z.string()),
});
export type CheckSummary = z.infer<typeof ZCheckSummary>;
