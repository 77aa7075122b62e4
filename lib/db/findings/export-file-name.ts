import type { FindingFilters } from "@/lib/contracts/findings";

import { getPrisma } from "../client";

/** "bulwark-findings-<cluster or all-clusters>[-snapshot-<time>]-<UTC time>.csv": safe characters only. */
export async function exportFileName(filters: FindingFilters, now = new Date()): Promise<string> {
  const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-") + "Z";
  const prisma = getPrisma();
  const snapshot = filters.snapshot
    ? await prisma.snapshot.findUnique({
        where: { id: filters.snapshot },
        select: { startedAt: true, cluster: { select: { name: true } } },
      })
    : null;
  const clusterId = filters.cluster;
  const cluster =
    snapshot?.cluster.name ??
    (clusterId
      ? (await prisma.cluster.findUnique({ where: { id: clusterId }, select: { name: true } }))?.name
      : null) ??
    "all-clusters";
  const safe = cluster.replace(/[^a-z0-9-]/gi, "_");
  return `bulwark-findings-${safe}${snapshot ? `-snapshot-${stamp(snapshot.startedAt)}` : ""}-${stamp(now)}.csv`;
}
