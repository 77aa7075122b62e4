import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import type { PodSpec } from "@/lib/inventory/pod-spec";

import { evaluatePodSecurity, satisfiesLevel } from "./evaluate-pod-security";

// Upstream fixtures from kubernetes/pod-security-admission (test/testdata, v1.37), unchanged.
const ROOT = path.resolve("tests/conformance/pss");
type Expectation = { file: string; level: "baseline" | "restricted"; expected: "pass" | "fail"; derived: boolean };
const expectations = JSON.parse(readFileSync(path.join(ROOT, "EXPECTED.json"), "utf8")) as Expectation[];

function levelOf(file: string) {
  const pod = parse(readFileSync(path.join(ROOT, file), "utf8")) as {
    metadata?: { annotations?: Record<string, string> };
    spec: PodSpec;
  };
  return evaluatePodSecurity({ annotations: pod.metadata?.annotations ?? {}, spec: pod.spec });
}

describe("Pod Security Standards conformance (upstream fixtures, v1.37)", () => {
  it("covers every fixture file", () => {
    expect(new Set(expectations.map((e) => e.file)).size).toBe(148);
  });

  it.each(expectations.map((e) => [`${e.file} ${e.expected}s ${e.level}${e.derived ? " (derived)" : ""}`, e] as const))(
    "%s",
    (_name, e) => {
      const result = levelOf(e.file);
      expect(satisfiesLevel(result.level, e.level), JSON.stringify(result.violations)).toBe(e.expected === "pass");
    },
  );
});

describe("evaluatePodSecurity", () => {
  it("names the container and the capability it adds", () => {
    const result = evaluatePodSecurity({
      annotations: {},
      spec: { containers: [{ name: "api", securityContext: { capabilities: { add: ["SYS_ADMIN"] } } }] },
    });
    expect(result.level).toBe("privileged");
    expect(result.violations).toContainEqual({
      control: "capabilities-baseline",
      level: "baseline",
      container: "api",
      message: "container `api` adds capability SYS_ADMIN",
    });
  });

  it("checks ephemeral containers too", () => {
    const result = evaluatePodSecurity({
      annotations: {},
      spec: {
        containers: [{ name: "app" }],
        ephemeralContainers: [{ name: "debug", securityContext: { privileged: true } }],
      },
    });
    expect(result.violations).toContainEqual({
      control: "privileged",
      level: "baseline",
      container: "debug",
      message: "ephemeral container `debug` runs privileged",
    });
  });
});
