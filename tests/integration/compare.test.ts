// Compare: two scans of one fixture, one of them without read access to network policies.
// The blind side's unknown network checks must not read as findings "only in" the other side.
import { afterAll, describe, expect, it } from "vitest";

import { registerCluster } from "@/lib/clusters/register-cluster";
import { compareSnapshots } from "@/lib/db/compare/compare-snapshots";
import { startSnapshot } from "@/lib/db/snapshots/start-snapshot";
import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { startFakeCluster, type RunningFakeCluster } from "@/lib/fake-api-server/start-fake-cluster";
import type { Faults } from "@/lib/fake-api-server/types";
import { runSnapshot } from "@/lib/scans/run-snapshot";

const fakes: RunningFakeCluster[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close().catch(() => {})));
});

async function scannedCluster(name: string, faults: Faults = {}) {
  const fake = await startFakeCluster(demoCluster(3), { faults });
  fakes.push(fake);
  const { id } = await registerCluster({
    source: "kubeconfig_upload",
    name: `${name}-${Date.now()}`,
    kubeconfig: fake.kubeconfig,
    scheduleMinutes: 360,
  });
  const takenAt = new Date();
  const s = await startSnapshot(id, "manual", takenAt);
  await runSnapshot({
    snapshotId: s.id,
    clusterId: id,
    seq: s.seq,
    takenAt,
    collect: { requestTimeoutMs: 2_000, maxRetries: 0 },
  });
  return s.id;
}

describe("compare", () => {
  it("leaves findings of checks one side could not evaluate out of 'only in', and says which checks", async () => {
    const full = await scannedCluster("compare-full");
    const blind = await scannedCluster("compare-blind", { forbidden: ["networkpolicies.networking.k8s.io"] });
    const c = await compareSnapshots(full, blind);
    expect(c.b.notEvaluated).toEqual(
      expect.arrayContaining(["network.namespace-no-policy", "network.pod-ingress-unrestricted"]),
    );
    expect(c.a.notEvaluated).toStrictEqual([]);
    // Same fixture: nothing is known to differ.
    expect(c.onlyA.filter((f) => c.b.notEvaluated.includes(f.checkId))).toStrictEqual([]);
    expect(c.onlyACount).toBe(0);
    expect(c.onlyBCount).toBe(0);
    expect(c.both).toBeGreaterThan(50);
  });
});
