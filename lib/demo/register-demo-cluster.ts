import { countClusters } from "@/lib/db/clusters/count-clusters";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { AppError } from "@/lib/errors";
import { DEMO_STATE_DATES, type DemoState } from "@/lib/fake-api-server/clusters/demo";
import { log } from "@/lib/log";
import { runSnapshot } from "@/lib/scans/run-snapshot";

import "./demo-cluster-server";

/**
 * On a first start with no cluster configured, registers the built-in demo cluster and imports
 * its dated states as snapshots taken on their dates, so trends mean something at once.
 * Returns the demo cluster's id, or null when clusters already exist.
 */
export async function registerDemoClusterIfEmpty(): Promise<string | null> {
  if ((await countClusters()) > 0) return null;
  let id: string;
  try {
    ({ id } = await createCluster({ name: "demo", source: "demo", isDemo: true, scheduleMinutes: 360 }));
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return null; // another process won the race
    throw error;
  }
  for (const [state, date] of DEMO_STATE_DATES.entries()) {
    const takenAt = new Date(date);
    const snapshot = await startSnapshot(id, "import", takenAt);
    await runSnapshot({
      snapshotId: snapshot.id,
      clusterId: id,
      seq: snapshot.seq,
      takenAt,
      demoState: state as DemoState,
    });
  }
  log.info({ clusterId: id, snapshots: DEMO_STATE_DATES.length }, "registered the demo cluster with its history");
  return id;
}
