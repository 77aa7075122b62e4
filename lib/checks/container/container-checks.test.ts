import { describe, expect, it } from "vitest";

import { API_REF, contextWith, hardenedWith, inventoryOf, mainContainer } from "../__fixtures__/builders";
import { assertCase, evaluate, type CheckCase } from "../__fixtures__/check-cases";
import { ALL_CHECKS, getCheck } from "../registry";

const c = (container: string, message: string) => ({ resource: API_REF, container, message });
const PINNED =
  "registry.example.com/shop/api:1.4.2@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

const CASES: Record<string, CheckCase> = {
  "container.image-tag-latest": {
    fail: hardenedWith((d) => {
      mainContainer(d).image = "registry.example.com/shop/api:latest";
    }),
    findings: [c("api", "container `api` uses image registry.example.com/shop/api:latest with the latest tag")],
  },
  "container.image-not-pinned": {
    fail: hardenedWith((d) => {
      mainContainer(d).image = "registry.example.com/shop/api:1.4.2";
    }),
    findings: [c("api", "container `api` uses image registry.example.com/shop/api:1.4.2 without a digest")],
  },
  "container.image-pull-policy": {
    fail: hardenedWith((d) => {
      mainContainer(d).image = "redis:alpine";
    }),
    findings: [c("api", "container `api` pulls floating tag redis:alpine with policy IfNotPresent")],
  },
  "container.untrusted-registry": {
    settings: { allowedRegistries: ["registry.example.com"] },
    fail: hardenedWith((d) => {
      mainContainer(d).image = "nginx:1.27";
    }),
    findings: [c("api", "container `api` pulls nginx:1.27 from docker.io, which is not an allowed registry")],
  },
  "container.writable-root-fs": {
    fail: hardenedWith((d) => {
      delete mainContainer(d).securityContext!.readOnlyRootFilesystem;
    }),
    findings: [c("api", "container `api` has a writable root filesystem")],
  },
  "container.vulnerabilities": {
    fail: hardenedWith().map((o) =>
      o.kind === "VulnerabilityReport"
        ? { ...o, report: { ...(o.report as object), summary: { criticalCount: 2, highCount: 7 } } }
        : o,
    ),
    findings: [
      c("api", `container \`api\` runs ${PINNED} with 2 critical and 7 high vulnerabilities`),
      c("migrate", `init container \`migrate\` runs ${PINNED} with 2 critical and 7 high vulnerabilities`),
    ],
  },
  "container.image-not-scanned": {
    fail: hardenedWith((d) => {
      mainContainer(d).image = "registry.example.com/shop/worker:2.0.0";
    }),
    findings: [
      c("api", "container `api` runs registry.example.com/shop/worker:2.0.0, which has no vulnerability report"),
    ],
  },
  "container.no-image-scanning": {
    fail: hardenedWith().filter((o) => o.kind !== "VulnerabilityReport"),
    findings: [
      {
        resource: { kind: "Cluster", namespace: "", name: "cluster" },
        message: "no image vulnerability reports found: no scanner appears to be installed",
      },
    ],
  },
  "container.image-signature-not-enforced": {
    fail: hardenedWith().map((o) =>
      o.kind === "ClusterPolicy"
        ? {
            ...o,
            spec: { rules: [{ name: "signed", verifyImages: [{ imageReferences: ["*"], failureAction: "Audit" }] }] },
          }
        : o,
    ),
    findings: [
      {
        resource: { kind: "Cluster", namespace: "", name: "cluster" },
        message:
          "image signatures are verified only in audit or warn mode (Kyverno ClusterPolicy verify-shop-images): unsigned images are admitted",
      },
    ],
  },
  "container.sandbox-runtime-missing": {
    fail: hardenedWith((d) => {
      d.spec.template.metadata.labels["bulwark.io/untrusted"] = "true";
      d.spec.template.spec.runtimeClassName = "runc";
    }),
    findings: [{ resource: API_REF, message: "is marked untrusted but its RuntimeClass `runc` is not sandboxed" }],
  },
};

describe("container layer checks", () => {
  it("has a passing and a failing fixture for every container check", () => {
    expect(Object.keys(CASES).sort()).toStrictEqual(
      ALL_CHECKS.filter((x) => x.layer === "container")
        .map((x) => x.id)
        .sort(),
    );
  });

  it.each(Object.entries(CASES))(
    "%s: the hardened Deployment passes, the failing fixture gives exactly its findings",
    (id, testCase) => {
      const pass =
        id === "container.sandbox-runtime-missing"
          ? hardenedWith((d) => {
              d.spec.template.metadata.labels["bulwark.io/untrusted"] = "true";
              d.spec.template.spec.runtimeClassName = "gvisor";
            })
          : hardenedWith();
      assertCase(id, pass, testCase);
    },
  );

  it("container.untrusted-registry: with an allow list, only listed registries pass", () => {
    const objects = hardenedWith((d) => {
      mainContainer(d).image = "ghcr.io/evil/api:1.0";
    });
    expect(
      evaluate("container.untrusted-registry", objects, { allowedRegistries: ["registry.example.com"] }).findings,
    ).toStrictEqual([
      c("api", "container `api` pulls ghcr.io/evil/api:1.0 from ghcr.io, which is not an allowed registry"),
    ]);
  });

  it("container.vulnerabilities: with no scanner installed the check does not apply (the missing scanner is its own finding), never passed", () => {
    const check = getCheck("container.vulnerabilities")!;
    const inventory = inventoryOf(hardenedWith().filter((o) => o.kind !== "VulnerabilityReport"));
    expect(check.evaluate(inventory, contextWith())).toStrictEqual({
      status: "not-applicable",
      reason: "no image scanner reports found in the cluster (reported by container.no-image-scanning)",
    });
  });

  it("container.image-pull-policy: a floating tag pulled Always passes, and so does a release tag pulled IfNotPresent (the API default)", () => {
    const always = hardenedWith((d) => {
      mainContainer(d).image = "redis:alpine";
      mainContainer(d).imagePullPolicy = "Always";
    });
    expect(evaluate("container.image-pull-policy", always).findings).toStrictEqual([]);
    for (const image of [
      "registry.example.com/shop/api:1.4.2",
      "docker.io/redis:6.0.5",
      "gcr.io/google-samples/microservices-demo/frontend:v0.5.1",
      "postgres:16.4-alpine",
      "gb-frontend:v5",
    ]) {
      const release = hardenedWith((d) => {
        mainContainer(d).image = image;
      });
      expect(evaluate("container.image-pull-policy", release).findings, image).toStrictEqual([]);
    }
    const stable = hardenedWith((d) => {
      mainContainer(d).image = "nginx:stable";
    });
    expect(evaluate("container.image-pull-policy", stable).findings).toStrictEqual([
      c("api", "container `api` pulls floating tag nginx:stable with policy IfNotPresent"),
    ]);
  });

  it("gives a mutable image one finding among the three image checks: no version tag, floating tag cached per node, or no digest", () => {
    const ids = ["container.image-tag-latest", "container.image-pull-policy", "container.image-not-pinned"];
    const owners = (image: string, imagePullPolicy?: string) => {
      const objects = hardenedWith((d) => {
        mainContainer(d).image = image;
        if (imagePullPolicy) mainContainer(d).imagePullPolicy = imagePullPolicy;
      });
      return ids.filter((id) => evaluate(id, objects).findings.some((f) => f.container === "api"));
    };
    expect(owners("busybox:latest")).toStrictEqual(["container.image-tag-latest"]);
    expect(owners("busybox")).toStrictEqual(["container.image-tag-latest"]);
    expect(owners("busybox:latest", "IfNotPresent")).toStrictEqual(["container.image-pull-policy"]);
    expect(owners("redis:alpine")).toStrictEqual(["container.image-pull-policy"]);
    expect(owners("redis:alpine", "Always")).toStrictEqual(["container.image-not-pinned"]);
    expect(owners("redis:7.4.1")).toStrictEqual(["container.image-not-pinned"]);
    expect(owners(PINNED)).toStrictEqual([]);
  });

  it("container.untrusted-registry: without an allow list it does not apply (it cannot know what is trusted), never guessed", () => {
    const check = getCheck("container.untrusted-registry")!;
    const inventory = inventoryOf(
      hardenedWith((d) => {
        mainContainer(d).image = "nginx:1.27";
      }),
    );
    expect(check.evaluate(inventory, contextWith())).toStrictEqual({
      status: "not-applicable",
      reason: "no trusted registries configured: list them under allowedRegistries in the check settings",
    });
  });

  it("container.writable-root-fs: ephemeral containers are judged like the others", () => {
    const objects = hardenedWith((d) => {
      d.spec.template.spec.ephemeralContainers = [
        { name: "debugger", image: PINNED, securityContext: { allowPrivilegeEscalation: false } },
      ];
    });
    expect(evaluate("container.writable-root-fs", objects).findings).toStrictEqual([
      c("debugger", "ephemeral container `debugger` has a writable root filesystem"),
    ]);
  });
});
