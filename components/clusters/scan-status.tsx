"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { clusterMutations, clusterQueries } from "@/lib/query/clusters";
import { snapshotQueries } from "@/lib/query/snapshots";

type Props = { clusterId: string; runningSnapshotId: string | null; canScan: boolean };

/**
 * A cluster's scan, live: the one started here, by someone else or by the schedule. While none
 * runs it looks for a newer one every 10 seconds; when the scan it follows ends, the page
 * refreshes with the new scores. Analysts and admins also get "Scan now".
 */
export function ScanStatus({ clusterId, runningSnapshotId, canScan }: Props) {
  const router = useRouter();
  const [snapshotId, setSnapshotId] = useState<string | null>(runningSnapshotId);
  const start = useMutation({
    ...clusterMutations.scan(useQueryClient(), clusterId),
    onSuccess: (r) => setSnapshotId(r.snapshotId),
  });
  const live = useQuery({ ...snapshotQueries.live(snapshotId ?? ""), enabled: snapshotId !== null });
  const status = live.data?.status;
  const finished = status !== undefined && status !== "running";
  const following = snapshotId !== null && !finished;

  const newest = useQuery({ ...clusterQueries.summary(clusterId), enabled: !following && !start.isPending });
  // The newest scan seen at the first look: only a scan after it (or one running) is news.
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!newest.data) return;
    const { lastSnapshotId: id, lastStatus } = newest.data;
    const before = seen.current;
    seen.current = id;
    if (id === null || id === snapshotId) return;
    if (lastStatus === "running" || (before !== undefined && before !== id)) setSnapshotId(id);
  }, [newest.data, snapshotId]);

  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  const phase = Object.keys(live.data?.phases ?? {}).at(-1);
  const message = !snapshotId
    ? ""
    : !finished
      ? `Scanning… ${phase ? `(${phase} done)` : "(queued)"}`
      : status === "failed"
        ? `Scan failed: ${live.data?.error ?? "see the snapshot"}`
        : `Scan ${status}`;
  return (
    <span className="inline-flex items-center gap-2 text-xs">
      {canScan ? (
        <Button
          variant="secondary"
          size="xs"
          className="bg-white disabled:opacity-60"
          onClick={() => start.mutate()}
          disabled={start.isPending || following}
        >
          {finished ? "Scan again" : following ? "Scanning…" : "Scan now"}
        </Button>
      ) : null}
      <span role="status" aria-live="polite" className={status === "failed" ? "text-red-700" : "text-slate-600"}>
        {start.error ? start.error.message : message}
      </span>
    </span>
  );
}
