import { describe, expect, it } from "vitest";

import { mergeFindings } from "@/lib/checks/merge-findings";
import type { Finding } from "@/lib/checks/types";

import { tallyFindings, tallyMergedFindings } from "./tally-findings";

const api = { kind: "Deployment", namespace: "shop", name: "api" };
const f = (checkId: string, severity: Finding["severity"], message: string, container?: string): Finding => ({
  checkId,
  layer: "container",
  severity,
  resource: api,
  message,
  ...(container ? { container } : {}),
});

describe("tallyFindings", () => {
  it("counts merged findings, not the problems a check reported: one finding per check, resource and container", () => {
    const reported = [
      f("container.caps", "high", "adds SYS_ADMIN", "app"),
      f("container.caps", "high", "adds NET_ADMIN", "app"),
      f("container.caps", "high", "adds SYS_ADMIN", "sidecar"),
      f("container.root", "medium", "runs as root", "app"),
    ];
    const merged = mergeFindings(reported);
    const tally = tallyMergedFindings(merged);
    expect(tally.overall).toStrictEqual({ failed: 3, suppressed: 0, critical: 0, high: 2, medium: 1, low: 0 });
    expect(tally.overall.failed).toBe(merged.length);
    expect(tally.layers.container).toStrictEqual(tally.overall);
    expect(tally.layers.pod.failed).toBe(0);
  });

  it("counts findings an accepted risk covers apart, in no severity", () => {
    const tally = tallyMergedFindings(
      [f("container.caps", "high", "x", "app"), f("container.root", "medium", "y", "app")],
      (x) => x.checkId === "container.root",
    );
    expect(tally.overall).toStrictEqual({ failed: 1, suppressed: 1, critical: 0, high: 1, medium: 0, low: 0 });
  });

  it("adds grouped counts (as the database gives them) per layer and overall", () => {
    const tally = tallyFindings([
      { layer: "pod", severity: "critical", accepted: false, n: 2 },
      { layer: "network", severity: "low", accepted: false, n: 5 },
      { layer: "network", severity: "low", accepted: true, n: 1 },
    ]);
    expect(tally.overall).toStrictEqual({ failed: 7, suppressed: 1, critical: 2, high: 0, medium: 0, low: 5 });
    expect(tally.layers.network).toStrictEqual({ failed: 5, suppressed: 1, critical: 0, high: 0, medium: 0, low: 5 });
  });
});
