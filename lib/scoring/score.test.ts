import { describe, expect, it } from "vitest";

import type { CheckResult, Layer, Severity } from "@/lib/checks/types";

import { gradeFor } from "./grade";
import { rescoreStored, scoreNamespaces, scoreResults, scoreSnapshot, storedChecksOf } from "./score";

const ref = (name: string, namespace = "ns") => ({ kind: "Deployment", namespace, name });

function result(
  checkId: string,
  layer: Layer,
  severity: Severity,
  evaluated: string[],
  failing: string[],
): CheckResult {
  return {
    checkId,
    layer,
    severity,
    status: "evaluated",
    evaluated: evaluated.map((n) => ref(n)),
    findings: failing.map((n) => ({ checkId, layer, severity, resource: ref(n), message: `${n} fails` })),
  };
}

describe("gradeFor", () => {
  it.each([
    [100, "A"],
    [90, "A"],
    [89.9, "B"],
    [80, "B"],
    [79.9, "C"],
    [70, "C"],
    [69.9, "D"],
    [60, "D"],
    [59.9, "F"],
    [0, "F"],
  ] as const)("gives %s the grade %s (a band starts at its minimum, inclusive)", (score, grade) => {
    expect(gradeFor(score)).toBe(grade);
  });
});

describe("scoreResults", () => {
  it("weights each check's pass ratio by severity", () => {
    // critical: 1 of 2 pass (0.5, w10); low: 2 of 2 pass (1, w1) → 100 × (5 + 1) / 11 = 54.5
    const scores = scoreResults([
      result("pod.a", "pod", "critical", ["x", "y"], ["x"]),
      result("pod.b", "pod", "low", ["x", "y"], []),
    ]);
    expect(scores.layers.pod).toMatchObject({ score: 54.5, grade: "F", evaluated: 4, failed: 1, coverage: 1 });
  });

  it("gives a layer with nothing evaluated no score rather than 100, and leaves it out of the overall mean", () => {
    const scores = scoreResults([result("pod.a", "pod", "high", ["x", "y"], ["x"])]);
    expect(scores.layers.network.score).toBeNull();
    expect(scores.overall.score).toBe(50);
  });

  it("weighs a not-evaluated check as failing, reports the lost coverage, and gives no grade under 90% coverage", () => {
    const scores = scoreResults([
      result("container.a", "container", "medium", ["x"], []),
      {
        checkId: "container.vulns",
        layer: "container",
        severity: "high",
        status: "not-evaluated",
        reason: "403 on vulnerabilityreports",
      },
    ]);
    // medium passes (w2 × 1), high unknown (w5 × 0) → 100 × 2 / 7 = 28.6
    expect(scores.layers.container).toMatchObject({
      score: 28.6,
      grade: null,
      coverage: 2 / 7,
      notEvaluated: ["container.vulns"],
    });
    expect(scores.overall).toMatchObject({ score: 28.6, grade: null });
  });

  it("never scores higher when a check cannot be evaluated, in a layer or overall", () => {
    const full = [
      result("network.a", "network", "high", ["x", "y"], ["x"]),
      result("network.b", "network", "low", ["x"], []),
      result("pod.a", "pod", "medium", ["x"], ["x"]),
    ];
    const blind: CheckResult[] = [
      { checkId: "network.a", layer: "network", severity: "high", status: "not-evaluated", reason: "403" },
      ...full.slice(1),
    ];
    const [a, b] = [scoreResults(full), scoreResults(blind)];
    expect(b.layers.network.score!).toBeLessThan(a.layers.network.score!);
    expect(b.overall.score!).toBeLessThan(a.overall.score!);
  });

  it("grades a score from 90% coverage up", () => {
    const checks: CheckResult[] = [
      ...Array.from({ length: 9 }, (_, i) => result(`pod.c${i}`, "pod", "low", ["x"], [])),
      { checkId: "pod.gone", layer: "pod", severity: "low", status: "not-evaluated", reason: "403" },
    ];
    expect(scoreResults(checks).layers.pod).toMatchObject({ score: 90, grade: "A", coverage: 0.9 });
  });

  it("scores a stored snapshot again to the same figures, from evaluated counts and findings", () => {
    const results = [
      result("pod.a", "pod", "critical", ["x", "y", "z"], ["x", "y"]),
      result("pod.b", "pod", "low", ["x", "y"], ["y"]),
      { checkId: "net.c", layer: "network", severity: "high", status: "not-evaluated", reason: "403" } as CheckResult,
    ];
    const isSuppressed = (f: { resource: { name: string } }) => f.resource.name === "y";
    const findings = results.flatMap((r) => (r.status === "evaluated" ? r.findings : []));
    expect(rescoreStored(storedChecksOf(results), findings, isSuppressed)).toStrictEqual(
      scoreResults(results, { isSuppressed }),
    );
  });

  it("counts suppressed findings as passing, and counts them apart", () => {
    const scores = scoreResults([result("pod.a", "pod", "high", ["x", "y"], ["x"])], {
      isSuppressed: (f) => f.resource.name === "x",
    });
    expect(scores.layers.pod).toMatchObject({ score: 100, failed: 0, suppressed: 1 });
  });

  it("counts a resource once per check however many findings it has", () => {
    const r = result("pod.a", "pod", "high", ["x", "y"], ["x", "x", "x"]);
    expect(scoreResults([r]).layers.pod).toMatchObject({ score: 50, failed: 1 });
  });
});

describe("scoreNamespaces", () => {
  it("scores each namespace over its own resources", () => {
    const r: CheckResult = {
      checkId: "pod.a",
      layer: "pod",
      severity: "high",
      status: "evaluated",
      evaluated: [ref("a", "shop"), ref("b", "shop"), ref("c", "web")],
      findings: [{ checkId: "pod.a", layer: "pod", severity: "high", resource: ref("a", "shop"), message: "" }],
    };
    const byNs = scoreNamespaces([r]);
    expect([...byNs.keys()]).toEqual(["shop", "web"]);
    expect(byNs.get("shop")?.overall.score).toBe(50);
    expect(byNs.get("web")?.overall.score).toBe(100);
  });
});

describe("scoreSnapshot", () => {
  it("gives the same cluster and namespace scores as scoring them apart", () => {
    const results = [
      result("pod.a", "pod", "critical", ["x", "y"], ["x"]),
      result("pod.b", "pod", "low", ["x", "y"], []),
    ];
    const { scores, namespaces } = scoreSnapshot(results);
    expect(scores).toStrictEqual(scoreResults(results));
    expect(namespaces).toStrictEqual(scoreNamespaces(results));
  });
});
