"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/query/fetch-json";
import { snapshotQueries } from "@/lib/query/snapshots";

/** "Scan now", then the scan's live status until it ends; the page refreshes with the new scores. */
export function ScanNowButton({ clusterId, runningSnapshotId }: { clusterId: string; runningSnapshotId: string | null }) {
  const router = useRouter();
  const [snapshotId, setSnapshotId] = useState<string | null>(runningSnapshotId);
  const start = useMutation({
    mutationFn: () => fetchJson<{ snapshotId: string }>(`/api/clusters/${clusterId}/scans`, { method: "POST" }),
    onSuccess: (r) => setSnapshotId(r.snapshotId),
  });
  const live = useQuery({ ...snapshotQueries.live(snapshotId ?? ""), enabled: snapshotId !== null });
  const status = live.data?.status;
  const finished = status !== undefined && status !== "running";
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  const phase = Object.keys(live.data?.phases ?? {}).at(-1);
  const message = !snapshotId ? "" : !finished ? `Scanning… ${phase ? `(${phase} done)` : "(queued)"}` : status === "failed" ? `Scan failed: ${live.data?.error ?? "see the snapshot"}` : `Scan ${status}`;
  return (
    <span className="inline-flex items-center gap-2 text-xs">
      <button
        type="button"
        onClick={() => start.mutate()}
        disabled={start.isPending || (snapshotId !== null && !finished)}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {finished ? "Scan again" : snapshotId ? "Scanning…" : "Scan now"}
      </button>
      <span role="status" aria-live="polite" className={status === "failed" ? "text-red-700" : "text-slate-600"}>
        {start.error ? start.error.message : message}
      </span>
    </span>
  );
}
