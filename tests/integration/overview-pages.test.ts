import { describe, expect, it } from "vitest";

import { createCluster } from "@/lib/db/clusters/create-cluster";
import { listClusterPosture, listClusterPosturePage } from "@/lib/db/clusters/list-cluster-posture";

describe("the overview's pages", () => {
  it("show every cluster exactly once, by name, with the true total", async () => {
    const tag = Date.now();
    for (let i = 0; i < 11; i++)
      await createCluster({ name: `pages-${tag}-${String(i).padStart(2, "0")}`, source: "demo", isDemo: true });
    const all = await listClusterPosture();
    const size = 4;
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const { clusters, total } = await listClusterPosturePage(page, size);
      expect(total).toBe(all.length);
      expect(clusters.length).toBeLessThanOrEqual(size);
      if (clusters.length === 0) break;
      seen.push(...clusters.map((c) => c.clusterId));
    }
    expect(seen).toEqual(all.map((c) => c.clusterId));
    expect(all.filter((c) => c.name.startsWith(`pages-${tag}-`)).map((c) => c.name)).toEqual(
      Array.from({ length: 11 }, (_, i) => `pages-${tag}-${String(i).padStart(2, "0")}`),
    );
  });
});
