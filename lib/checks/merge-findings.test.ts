import { describe, expect, it } from "vitest";

import { mergeFindings } from "./merge-findings";
import type { Finding } from "./types";

const binding = { kind: "RoleBinding", namespace: "shop", name: "shop-deployer" };
const finding = (message: string, extra: Partial<Finding> = {}): Finding => ({
  checkId: "secrets.rbac-privilege-escalation",
  layer: "secrets",
  severity: "high",
  resource: binding,
  message,
  ...extra,
});

describe("mergeFindings", () => {
  it("gives one finding per check, resource and container, naming every problem, as the dashboard stores them", () => {
    const merged = mergeFindings([
      finding("can create Deployments"),
      finding("can exec into pods"),
      finding("runs privileged", { checkId: "pod.privileged", layer: "pod", container: "a" }),
      finding("runs privileged", { checkId: "pod.privileged", layer: "pod", container: "b" }),
    ]);
    expect(merged.map((f) => [f.checkId, f.container, f.message])).toStrictEqual([
      ["secrets.rbac-privilege-escalation", undefined, "can create Deployments; can exec into pods"],
      ["pod.privileged", "a", "runs privileged"],
      ["pod.privileged", "b", "runs privileged"],
    ]);
  });
});
