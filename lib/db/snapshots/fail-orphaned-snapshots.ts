import { getPool } from "../pool";
import { STALE_HEARTBEAT_MS } from "./snapshot-heartbeat";

/** A queued scan no worker has picked up for this long is abandoned too. */
const UNCLAIMED_MS = 10 * 60_000;

/**
 * Marks failed the `running` snapshots (of one cluster, or all) whose process has died (stale
 * heartbeat) or that no worker ever picked up, so the cluster can be scanned again. Safe with
 * several processes: a live scan keeps its heartbeat fresh. `except`: scans the caller itself is
 * running (alive, whatever their heartbeat says after a database outage).
 */
export async function failOrphanedSnapshots(clusterId?: string, except: readonly string[] = []): Promise<number> {
  const { rowCount } = await getPool().query(
    `UPDATE snapshot SET status = 'failed', "finishedAt" = now(), error = 'orphaned: the process running this scan stopped before it finished'
     WHERE status = 'running' AND ($3::text IS NULL OR "clusterId" = $3) AND id <> ALL($4::text[])
       AND (("heartbeatAt" IS NULL AND "startedAt" < now() - make_interval(secs => $1))
            OR "heartbeatAt" < now() - make_interval(secs => $2))`,
    [UNCLAIMED_MS / 1000, STALE_HEARTBEAT_MS / 1000, clusterId ?? null, except],
  );
  return rowCount ?? 0;
}
