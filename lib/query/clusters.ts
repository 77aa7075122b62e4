import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";

import type { ClusterSummary } from "@/lib/contracts/clusters";

import { fetchJson } from "./fetch-json";
import { refreshAfterChange } from "./refresh";

export type ConnectionTest =
  | {
      reachable: true;
      version: string;
      resources: { resource: string; readable: boolean; reason?: string }[];
      warnings: string[];
    }
  | { reachable: false; error: string };

export const clusterKeys = {
  all: ["clusters"] as const,
  detail: (id: string) => ["clusters", id] as const,
};

export const clusterQueries = {
  /** A cluster and its newest scan, looked at every 10 seconds: scans also start on a schedule or from another browser. */
  summary: (id: string) =>
    queryOptions({
      queryKey: clusterKeys.detail(id),
      queryFn: ({ signal }) =>
        fetchJson<{ data: ClusterSummary }>(`/api/clusters/${id}`, { signal }).then((r) => r.data),
      refetchInterval: 10_000,
      staleTime: 0,
    }),
};

/** Starts a scan of a cluster now; answers the snapshot that follows it. */
const startScan = (id: string) => fetchJson<{ snapshotId: string }>(`/api/clusters/${id}/scans`, { method: "POST" });
const invalidate = (queryClient: QueryClient) => () => refreshAfterChange(queryClient, clusterKeys.all);

export const clusterMutations = {
  /** Registers a cluster and asks for its first scan (a scan that cannot start yet is left to the schedule). */
  add: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...clusterKeys.all, "add"],
      mutationFn: async (body: Record<string, unknown>) => {
        const created = await fetchJson<{ id: string; warnings: string[] }>("/api/clusters", { method: "POST", body });
        await startScan(created.id).catch(() => undefined);
        return created;
      },
      onSettled: invalidate(queryClient),
    }),
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...clusterKeys.all, "update"],
      mutationFn: ({ id, ...body }: { id: string; scheduleMinutes?: number; enabled?: boolean }) =>
        fetchJson(`/api/clusters/${id}`, { method: "PATCH", body }),
      onSettled: invalidate(queryClient),
    }),
  remove: (queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...clusterKeys.all, "remove"],
      mutationFn: (id: string) => fetchJson(`/api/clusters/${id}`, { method: "DELETE" }),
      onSettled: invalidate(queryClient),
    }),
  testConnection: () =>
    mutationOptions({
      mutationKey: [...clusterKeys.all, "connection-test"],
      mutationFn: (id: string) =>
        fetchJson<{ data: ConnectionTest }>(`/api/clusters/${id}/connection-test`, { method: "POST" }).then(
          (r) => [id, r.data] as const,
        ),
    }),
  scan: (queryClient: QueryClient, id: string) =>
    mutationOptions({
      mutationKey: [...clusterKeys.detail(id), "scan"],
      mutationFn: () => startScan(id),
      onSettled: () => refreshAfterChange(queryClient, clusterKeys.detail(id)),
    }),
};
