import { AppError } from "@/lib/errors";

import { getPrisma } from "../client";
import type { SnapshotRef } from "./finding-sql";

/** The cluster and sequence number of the snapshot a `snapshot` filter names, or null without one. */
export async function resolveSnapshotRef(id: string | undefined): Promise<SnapshotRef | null> {
  if (!id) return null;
  const s = await getPrisma().snapshot.findUnique({
    where: { id },
    select: { clusterId: true, seq: true, startedAt: true },
  });
  if (!s) throw new AppError("NOT_FOUND", { userMessage: "No such snapshot." });
  return { clusterId: s.clusterId, seq: s.seq, startedAt: s.startedAt.toISOString() };
}
