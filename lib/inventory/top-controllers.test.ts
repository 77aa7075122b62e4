import { describe, expect, it } from "vitest";

import { keepTopControllers } from "./top-controllers";
import type { Workload } from "./types";

function workload(kind: Workload["ref"]["kind"], name: string, owner?: { kind: string; name: string }): Workload {
  return {
    ref: { kind, namespace: "shop", name },
    meta: { labels: {}, annotations: {}, ...(owner ? { ownerReferences: [{ ...owner, controller: true }] } : {}) },
    podMeta: { labels: {}, annotations: {} },
    spec: { containers: [{ name: "app" }] },
  };
}

describe("keepTopControllers", () => {
  it("reports a Deployment's pods and ReplicaSet once, on the Deployment", () => {
    const list = [
      workload("Deployment", "api"),
      workload("ReplicaSet", "api-5d4f", { kind: "Deployment", name: "api" }),
      ...Array.from({ length: 50 }, (_, i) =>
        workload("Pod", `api-5d4f-${i}`, { kind: "ReplicaSet", name: "api-5d4f" }),
      ),
    ];
    expect(keepTopControllers(list).map((w) => w.ref.name)).toStrictEqual(["api"]);
  });

  it("keeps pods whose owner was not collected, and bare pods", () => {
    const list = [workload("Pod", "job-x", { kind: "Job", name: "gone" }), workload("Pod", "bare")];
    expect(keepTopControllers(list).map((w) => w.ref.name)).toStrictEqual(["job-x", "bare"]);
  });

  it("folds CronJob → Job → Pod into the CronJob", () => {
    const list = [
      workload("CronJob", "backup"),
      workload("Job", "backup-2911", { kind: "CronJob", name: "backup" }),
      workload("Pod", "backup-2911-abc", { kind: "Job", name: "backup-2911" }),
    ];
    expect(keepTopControllers(list).map((w) => w.ref.name)).toStrictEqual(["backup"]);
  });
});
