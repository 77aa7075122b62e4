import { queryOptions } from "@tanstack/react-query";

import type { SnapshotDetail } from "@/lib/contracts/snapshots";

import { fetchJson } from "./fetch-json";

export const snapshotKeys = { detail: (id: string) => ["snapshots", id] as const };

export const snapshotQueries = {
  /** A scan's state, polled every 2 seconds while it runs. */
  live: (id: string) =>
    queryOptions({
      queryKey: snapshotKeys.detail(id),
      queryFn: ({ signal }) =>
        fetchJson<{ data: SnapshotDetail }>(`/api/snapshots/${id}`, { signal }).then((r) => r.data),
      refetchInterval: (q) => (q.state.data && q.state.data.status !== "running" ? false : 2_000),
      staleTime: 0,
    }),
};
