import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False in the server render and until React has hydrated: buttons that need JS stay disabled until then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
