import { describe, expect, it } from "vitest";
import { contextWith, hardenedWith, inventoryOf } from "./__fixtures__/builders";
import { runChecks } from "./run-checks";

describe("runChecks", () => {
  it("reports a check whose input was forbidden as not evaluated with the reason, never as a pass", () => {
    const inventory = inventoryOf(hardenedWith(), { vulnerabilityReports: "403 Forbidden: list vulnerabilityreports.aquasecurity.github.io" });
    const result = runChecks(inventory, contextWith()).find((r) => r.checkId === "container.vulnerabilities");
    expect(result).toStrictEqual({
      checkId: "container.vulnerabilities",
      layer: "container",
      severity: "high",
      status: "not-evaluated",
      reason: "403 Forbidden: list vulnerabilityreports.aquasecurity.github.io",
    });
  });

  it("applies severity overrides and skips disabled checks", () => {
    const inventory = inventoryOf(hardenedWith((d) => { d.metadata!.namespace = "default"; }));
    const results = runChecks(inventory, contextWith({ severityOverrides: { "pod.default-namespace": "high" }, disabledChecks: ["pod.probes-missing"] }));
    expect(results.find((r) => r.checkId === "pod.probes-missing")).toBeUndefined();
    const r = results.find((x) => x.checkId === "pod.default-namespace");
    expect(r?.severity).toBe("high");
    expect(r?.status === "evaluated" && r.findings.map((f) => f.severity)).toStrictEqual(["high"]);
  });

  it("gives the hardened fixture no finding at all", () => {
    const results = runChecks(inventoryOf(hardenedWith()), contextWith());
    expect(results.flatMap((r) => (r.status === "evaluated" ? r.findings : []))).toStrictEqual([]);
  });
});
