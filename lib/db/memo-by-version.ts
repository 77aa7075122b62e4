import { getPool } from "./pool";

/**
 * Results kept in this process while the stored rows behind them stay the same: `version` is a
 * cheap statement whose answer changes whenever they change, and a result is built once for all
 * the requests that ask with the same key and version (at most `size` kept, the oldest dropped
 * first; a failed build is not kept, so the next request tries again).
 */
export function memoByVersion<T>(version: string, size: number) {
  const kept = new Map<string, Promise<T>>();
  return async (key: unknown, build: () => Promise<T>): Promise<T> => {
    const { rows } = await getPool().query<{ version: string }>(`SELECT (${version})::text AS version`);
    const k = JSON.stringify([key, rows[0]!.version]);
    let entry = kept.get(k);
    if (!entry) {
      entry = build();
      entry.catch(() => kept.delete(k));
      kept.set(k, entry);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
    }
    return entry;
  };
}

/** The clusters' ids and names, as one value: a cluster added, renamed or removed changes it. */
export const CLUSTERS_VERSION = `SELECT md5(string_agg(id || '=' || name, ',' ORDER BY id)) FROM cluster`;
