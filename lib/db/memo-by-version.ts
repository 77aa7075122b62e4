import { getPool } from "./pool";

interface Kept<T> {
  value: Promise<T>;
  /** the built value once it is there */
  done?: { value: T };
}

/**
 * Results kept in this process while the stored rows behind them stay the same: `version` is a
 * cheap statement whose answer changes whenever they change, and a result is built once for all
 * the requests that ask with the same key and version (at most `size` kept, the oldest dropped
 * first; a failed build is not kept, so the next request tries again).
 *
 * `previousKey`, when given, is the key of the result this one follows on unchanged rows (a report
 * of the hour before): while this one is being built, a built result of that key and the same
 * version is answered instead of waiting (it carries when it was read), so the requests that
 * arrive as the hour turns do not all wait for the first of them.
 */
export function memoByVersion<T>(version: string, size: number) {
  const kept = new Map<string, Kept<T>>();
  return async (key: unknown, build: () => Promise<T>, previousKey?: unknown): Promise<T> => {
    const { rows } = await getPool().query<{ version: string }>(`SELECT (${version})::text AS version`);
    const v = rows[0]!.version;
    const k = JSON.stringify([key, v]);
    let entry = kept.get(k);
    if (!entry) {
      const made: Kept<T> = { value: build() };
      made.value.then(
        (value) => (made.done = { value }),
        () => kept.delete(k),
      );
      kept.set(k, made);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      entry = made;
    }
    if (!entry.done && previousKey !== undefined) {
      const previous = kept.get(JSON.stringify([previousKey, v]))?.done;
      if (previous) return previous.value;
    }
    return entry.value;
  };
}

/** The clusters' ids and names, as one value: a cluster added, renamed or removed changes it. */
export const CLUSTERS_VERSION = `SELECT md5(string_agg(id || '=' || name, ',' ORDER BY id)) FROM cluster`;
