import { afterAll, describe, expect, it } from "vitest";

import { ZFindingListQuery } from "@/lib/contracts/findings";
import { createCluster } from "@/lib/db/clusters/create-cluster";
import { listFailingChecks } from "@/lib/db/findings/list-failing-checks";
import { listFindings } from "@/lib/db/findings/list-findings";
import { getPool } from "@/lib/db/pool";
import { rescoreLatestSnapshot } from "@/lib/db/snapshots/rescore-latest";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { stopDemoServers } from "@/lib/demo/demo-cluster-server";
import { runSnapshot } from "@/lib/scans/run-snapshot";

afterAll(async () => {
  await stopDemoServers();
});

async function countListed(cluster: string, check: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await listFindings(
      ZFindingListQuery.parse({ cluster, check, status: "open", limit: 200, ...(cursor ? { cursor } : {}) }),
    );
    n += page.data.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

describe("checks failing now", () => {
  it("count per check the open findings the browser lists for it, leaving out those under an accepted risk of any scope", async () => {
    const id = (await createCluster({ name: `failing-${Date.now()}`, source: "demo", isDemo: true })).id;
    const takenAt = new Date();
    const s = await startSnapshot(id, "manual", takenAt);
    await runSnapshot({ snapshotId: s.id, clusterId: id, seq: s.seq, takenAt, demoState: 0 });
    const before = await listFailingChecks(id);
    const [wide, narrow] = before.filter((r) => r.open > 1);
    expect(narrow).toBeDefined();
    // A cluster-wide accepted risk on one check, one on a single resource of another, and a revoked one.
    const pool = getPool();
    const one = (
      await pool.query<{ kind: string; name: string; ns: string }>(
        `SELECT "resourceKind" AS kind, "resourceName" AS name, namespace AS ns FROM finding WHERE "clusterId" = $1 AND "checkId" = $2 AND "lastSeq" IS NULL LIMIT 1`,
        [id, narrow!.checkId],
      )
    ).rows[0]!;
    await pool.query(
      `INSERT INTO suppression (id, "clusterId", "checkId", namespace, "resourcePattern", reason, "authorId", status, "expiresAt", "updatedAt") VALUES
         ($2, $1, $3, NULL, NULL, 'test', 'u', 'active', now() + interval '1 day', now()),
         ($2 || '-r', $1, $4, $5, $6, 'test', 'u', 'active', now() + interval '1 day', now()),
         ($2 || '-x', $1, $4, NULL, NULL, 'test', 'u', 'revoked', now() + interval '1 day', now())`,
      [id, `failing-${id}`, wide!.checkId, narrow!.checkId, one.ns, `${one.kind}/${one.name}`],
    );
    // What approving them does: the latest snapshot is re-scored, and the counts with it.
    await rescoreLatestSnapshot(id, "accepted risk approved");
    const after = await listFailingChecks(id);
    expect(after.find((r) => r.checkId === wide!.checkId)?.open ?? 0).toBe(0);
    expect(after.find((r) => r.checkId === narrow!.checkId)!.open).toBe(narrow!.open - 1);
    for (const r of after) expect(r.open, r.checkId).toBe(await countListed(id, r.checkId));
    // Revoked, the cluster-wide one no longer covers anything: its findings count as open again.
    await pool.query(`UPDATE suppression SET status = 'revoked' WHERE id = $1`, [`failing-${id}`]);
    await rescoreLatestSnapshot(id, "accepted risk revoked");
    const revoked = await listFailingChecks(id);
    expect(revoked.find((r) => r.checkId === wide!.checkId)!.open).toBe(wide!.open);
    for (const r of revoked) expect(r.open, r.checkId).toBe(await countListed(id, r.checkId));
  });
});
