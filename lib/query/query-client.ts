import { isServer, QueryClient } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  // staleTime above 0 so data the server rendered is not refetched at once in the browser.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
}

let browserClient: QueryClient | undefined;

/** A new client per server request; one for the life of the page in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
