/**
 * Copies closed lifetimes into finding_closed in close order, as the scan that closed each writes
 * it (complete-snapshot.ts): for lifetimes written outside a scan (the fleet benchmark's seed, a
 * test's fixture). $1: the cluster, or null for every cluster. Answers the rows copied.
 */
export async function copyClosedLifetimes(
  client: { query: (text: string, values: unknown[]) => Promise<{ rowCount: number | null }> },
  clusterId: string | null,
): Promise<number> {
  const r = await client.query(
    `INSERT INTO finding_closed ("findingId", "clusterId", "lastSeq", "firstSeq", fingerprint, severity, "checkId")
     SELECT id, "clusterId", "lastSeq", "firstSeq", fingerprint, severity, "checkId" FROM finding
      WHERE "lastSeq" IS NOT NULL AND ($1::text IS NULL OR "clusterId" = $1) ORDER BY "clusterId", "lastSeq"`,
    [clusterId],
  );
  return r.rowCount ?? 0;
}
