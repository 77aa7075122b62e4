import type { SuppressionRule } from "@/lib/scoring/match-suppression";

import { getPrisma } from "../client";

/** The rules in force for a cluster at `at`: approved (active) and not expired. */
export function listActiveRules(clusterId: string, at: Date): Promise<SuppressionRule[]> {
  return getPrisma().suppression.findMany({
    where: { clusterId, status: "active", expiresAt: { gt: at } },
    select: { id: true, checkId: true, namespace: true, resourcePattern: true },
  });
}
