import { queryOptions } from "@tanstack/react-query";
import type { ClusterSummary } from "@/lib/api/schemas/clusters";
import { fetchJson } from "./fetch-json";

export const clusterQueries = {
  /** A cluster and its newest scan, looked at every 10 seconds: scans also start on a schedule or from another browser. */
  summary: (id: string) =>
    queryOptions({
      queryKey: ["clusters", id],
      queryFn: () => fetchJson<{ data: ClusterSummary }>(`/api/clusters/${id}`).then((r) => r.data),
      refetchInterval: 10_000,
      staleTime: 0,
    }),
};
