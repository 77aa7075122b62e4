import { describe, expect, it } from "vitest";

import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { hardenedCluster } from "@/lib/fake-api-server/clusters/hardened";

import { contextWith, hardenedWith, inventoryOf } from "./__fixtures__/builders";
import { inventoryFromFixture } from "./__fixtures__/cluster-builders";
import { workloadCheck } from "./evaluate-workloads";
import { ALL_CHECKS } from "./registry";
import { runChecks } from "./run-checks";
import { mitigatedSeverity } from "./types";

describe("runChecks", () => {
  it("reports a check whose input was forbidden as not evaluated with the reason, never as a pass", () => {
    const inventory = inventoryOf(hardenedWith(), {
      vulnerabilityReports: "403 Forbidden: list vulnerabilityreports.aquasecurity.github.io",
    });
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
    const inventory = inventoryOf(
      hardenedWith((d) => {
        d.metadata!.namespace = "default";
      }),
    );
    const results = runChecks(
      inventory,
      contextWith({ severityOverrides: { "pod.default-namespace": "high" }, disabledChecks: ["pod.probes-missing"] }),
    );
    expect(results.find((r) => r.checkId === "pod.probes-missing")).toBeUndefined();
    const r = results.find((x) => x.checkId === "pod.default-namespace");
    expect(r?.severity).toBe("high");
    expect(r?.status === "evaluated" && r.findings.map((f) => f.severity)).toStrictEqual(["high"]);
  });

  it("gives the hardened Deployment no pod or container finding", () => {
    const results = runChecks(inventoryOf(hardenedWith()), contextWith()).filter(
      (r) => r.layer === "pod" || r.layer === "container",
    );
    expect(results.flatMap((r) => (r.status === "evaluated" ? r.findings : []))).toStrictEqual([]);
  });

  it("gives the hardened cluster, with its registry trusted, no finding in any layer, with every check evaluated", () => {
    const results = runChecks(inventoryFromFixture(hardenedCluster()), {
      ...contextWith({ allowedRegistries: ["registry.internal.example"] }),
      now: new Date("2026-11-23T00:00:00Z"),
    });
    expect(results.flatMap((r) => (r.status === "evaluated" ? r.findings : []))).toStrictEqual([]);
    // Its control plane runs no static pods (a managed-style fixture): only those checks say so.
    expect(
      results.filter((r) => r.status === "not-evaluated" && !r.reason.startsWith("not visible: no ")),
    ).toStrictEqual([]);
    expect(results.filter((r) => r.status === "not-evaluated").map((r) => r.checkId)).toStrictEqual(
      results
        .filter(
          (r) =>
            r.checkId.startsWith("node.apiserver-") ||
            ["node.etcd-client-auth", "node.controller-manager-exposure", "node.scheduler-exposure"].includes(
              r.checkId,
            ),
        )
        .map((r) => r.checkId),
    );
  });

  it("gives, in its single pass over the workloads, exactly what each check gives on its own", () => {
    const inventory = inventoryFromFixture(demoCluster());
    const ctx = { ...contextWith(), now: new Date("2026-11-23T00:00:00Z") };
    const together = runChecks(inventory, ctx);
    const workloadChecks = ALL_CHECKS.filter((c) => c.inspectWorkloads);
    expect(workloadChecks.length).toBeGreaterThan(30);
    for (const check of ALL_CHECKS) {
      const alone = check.evaluate(inventory, ctx);
      const result = together.find((r) => r.checkId === check.id)!;
      if (alone.status !== "evaluated") {
        expect(result).toMatchObject({ status: alone.status, reason: alone.reason });
        continue;
      }
      expect(result.status, check.id).toBe("evaluated");
      if (result.status !== "evaluated") continue;
      expect(result.evaluated, check.id).toStrictEqual(alone.evaluated);
      // A mitigated finding (a user namespace under root) sits one severity below the check's, alone or together.
      expect(
        result.findings.map(({ checkId, layer, severity, ...rest }) => {
          expect([checkId, layer]).toStrictEqual([check.id, check.layer]);
          return severity === check.severity
            ? rest
            : { ...rest, mitigated: severity === mitigatedSeverity(check.severity) };
        }),
        check.id,
      ).toStrictEqual(alone.findings);
    }
    // The demo cluster fails workload checks in every layer that has them, so the comparison is not vacuous.
    const failing = new Set(
      together.flatMap((r) => (r.status === "evaluated" && r.findings.length > 0 ? [r.checkId] : [])),
    );
    expect(workloadChecks.filter((c) => failing.has(c.id)).map((c) => c.layer)).toEqual(
      expect.arrayContaining(["network", "secrets", "pod", "container"]),
    );
    expect(together.some((r) => r.status === "evaluated" && r.findings.some((f) => f.severity !== r.severity))).toBe(
      true,
    );
  });

  it("reports a check that throws as not evaluated, naming the object, and runs the others", () => {
    const inventory = inventoryOf(hardenedWith());
    const broken = workloadCheck({
      id: "pod.test-broken",
      layer: "pod",
      severity: "high",
      title: "Broken",
      rationale: "",
      remediation: "",
      references: [],
      requires: ["workloads"],
      inspectWorkloads: () => ({
        inspect: (w) => {
          if (w.ref.kind === "Deployment") throw new Error("cannot read properties of undefined");
        },
      }),
    });
    const throwsEarly = {
      ...broken,
      id: "pod.test-throws-early",
      inspectWorkloads: undefined,
      evaluate: () => {
        throw new Error("bad settings");
      },
    };
    const results = runChecks(inventory, contextWith(), [
      broken,
      throwsEarly,
      ...ALL_CHECKS.filter((c) => c.id === "pod.privileged"),
    ]);
    expect(results[0]).toMatchObject({
      status: "not-evaluated",
      reason: "check failed on Deployment shop/api: cannot read properties of undefined",
    });
    expect(results[1]).toMatchObject({ status: "not-evaluated", reason: "check failed: bad settings" });
    expect(results[2]).toMatchObject({ checkId: "pod.privileged", status: "evaluated", findings: [] });
    expect(broken.evaluate(inventory, contextWith())).toStrictEqual({
      status: "not-evaluated",
      reason: "check failed on Deployment shop/api: cannot read properties of undefined",
    });
  });
});
