import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * After a change, the queries under `queryKey` are read again. A read still running from before
 * the change is cancelled first: a query with no data yet would otherwise keep that fetch as its
 * refetch and show what there was before the change (an invited user missing from the list).
 */
export async function refreshAfterChange(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}
