import { z } from "zod";

import type { CheckSummary as CatalogCheck } from "@/lib/checks/list-check-catalog";
import { LAYERS, SEVERITIES } from "@/lib/checks/types";

/** The wire form of a catalog check (lib/checks defines it; this schema validates it). */
export const ZCheckSummary = z.strictObject({
  id: z.string(),
  layer: z.enum(LAYERS),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  rationale: z.string(),
  remediation: z.string(),
  references: z.array(z.string()),
}) satisfies z.ZodType<CatalogCheck>;
export type CheckSummary = z.infer<typeof ZCheckSummary>;

/** A check a cluster's latest completed snapshot could not judge: not evaluated, or not applicable there. */
export type UnjudgedCheck = {
  checkId: string;
  clusterId: string;
  clusterName: string;
  status: "not-evaluated" | "not-applicable";
};

/** Per check, where it fails and where it could not be judged: counts, and the first `listed` clusters by name. */
export type CheckStanding = {
  /** clusters where it fails now (open findings no accepted risk covers), the most resources first */
  failing: { count: number; clusters: { clusterId: string; clusterName: string; open: number }[] };
  /** clusters whose latest completed scan could not judge it */
  unjudged: { notEvaluated: number; notApplicable: number; clusters: Omit<UnjudgedCheck, "checkId">[] };
};
