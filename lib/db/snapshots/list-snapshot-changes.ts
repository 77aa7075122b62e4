import type { ChangedFinding, SnapshotChanges } from "@/lib/contracts/snapshot-changes";

import { getPrisma } from "../client";

const LIMIT = 200;
const SELECT = {
  id: true,
  checkId: true,
  layer: true,
  severity: true,
  resourceKind: true,
  namespace: true,
  resourceName: true,
  container: true,
  message: true,
} as const;
const SEVERITY_ORDER = ["critical", "high", "medium", "low"];

const toDto = (f: { id: bigint } & Omit<ChangedFinding, "id">): ChangedFinding => ({ ...f, id: f.id.toString() });
const bySeverity = (a: ChangedFinding, b: ChangedFinding) =>
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.checkId.localeCompare(b.checkId);

/** The findings a snapshot opened (first seen in it) and closed (gone since the previous one), worst first. */
export async function listSnapshotChanges(clusterId: string, seq: number): Promise<SnapshotChanges> {
  const prisma = getPrisma();
  const [opened, resolved] = await Promise.all([
    prisma.finding.findMany({
      where: { clusterId, firstSeq: seq },
      select: SELECT,
      take: LIMIT + 1,
      orderBy: { id: "asc" },
    }),
    prisma.finding.findMany({
      where: { clusterId, lastSeq: seq - 1, resolvedAt: { not: null } },
      select: SELECT,
      take: LIMIT + 1,
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    opened: opened.slice(0, LIMIT).map(toDto).sort(bySeverity),
    resolved: resolved.slice(0, LIMIT).map(toDto).sort(bySeverity),
    truncated: opened.length > LIMIT || resolved.length > LIMIT,
  };
}
