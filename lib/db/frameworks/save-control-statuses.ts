import type { FrameworkResult } from "@/lib/frameworks/types";

import { getPrisma } from "../client";
import { CONTROL_COUNTS_SQL } from "./control-counts";

/** Failing resources stored per control and snapshot; `failingCount` keeps the full number. */
export const STORED_FAILING = 500;

/**
 * Stores each framework control's status for a finished snapshot. Replaces what a retried job
 * may have written for the same snapshot, in one transaction, so a retry never duplicates;
 * the snapshot's counts per status (control-counts.ts) are rewritten with them.
 */
export async function saveControlStatuses(
  snapshot: { snapshotId: string; clusterId: string; takenAt: Date },
  frameworks: readonly FrameworkResult[],
): Promise<number> {
  const rows = frameworks.flatMap((f) =>
    f.controls.map((c, position) => ({
      snapshotId: snapshot.snapshotId,
      clusterId: snapshot.clusterId,
      takenAt: snapshot.takenAt,
      frameworkId: f.id,
      frameworkVersion: f.version,
      controlId: c.id,
      position,
      section: c.section,
      title: c.title,
      status: c.status,
      checks: c.checks,
      failing: c.failing.slice(0, STORED_FAILING),
      failingCount: c.failing.length,
      evaluatedCount: c.evaluated,
      reason: c.reason ?? null,
      attested: c.status === "manual" ? (c.attested ?? false) : null,
    })),
  );
  const prisma = getPrisma();
  await prisma.$transaction([
    prisma.controlStatus.deleteMany({ where: { snapshotId: snapshot.snapshotId } }),
    prisma.controlStatus.createMany({ data: rows }),
    ...CONTROL_COUNTS_SQL.map((sql) => prisma.$executeRawUnsafe(sql, snapshot.snapshotId)),
  ]);
  return rows.length;
}
