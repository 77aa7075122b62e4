import type { SuppressionRule } from "@/lib/scoring/match-suppression";

import { getPrisma } from "../client";

/**
 * The rules in force for a cluster at `at`: approved (active) and not expired. Rules whose
 * expiry has passed are marked expired first, so an expired exemption returns its findings at
 * the next snapshot and the change is recorded once.
 */
export async function listActiveRules(clusterId: string, at: Date): Promise<SuppressionRule[]> {
  const prisma = getPrisma();
  const expired = await prisma.suppression.findMany({
    where: { clusterId, status: "active", expiresAt: { lte: at } },
    select: { id: true, checkId: true },
  });
  if (expired.length) {
    await prisma.$transaction([
      prisma.suppression.updateMany({
        where: { id: { in: expired.map((e) => e.id) }, status: "active" },
        data: { status: "expired" },
      }),
      prisma.auditEvent.createMany({
        data: expired.map((e) => ({
          action: "suppression.expired",
          targetType: "suppression",
          targetId: e.id,
          details: { checkId: e.checkId },
        })),
      }),
    ]);
  }
  return prisma.suppression.findMany({
    where: { clusterId, status: "active", expiresAt: { gt: at } },
    select: { id: true, checkId: true, namespace: true, resourcePattern: true },
  });
}
