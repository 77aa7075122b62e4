import { describe, expect, it } from "vitest";

import { DEFAULT_SETTINGS } from "@/lib/checks/settings";

import { scanManifests } from "./scan-manifests";

const NOW = new Date("2026-11-23T00:00:00Z");
const scan = (app: string) => scanManifests([`tests/fixtures/apps/${app}`], DEFAULT_SETTINGS, NOW);

function countsByCheck(findings: { checkId: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.checkId] = (out[f.checkId] ?? 0) + 1;
  return out;
}

/**
 * Real multi-service applications, scanned from their manifests as a CI job would: each gives
 * the findings a reviewer would sign, one per root cause, and says "not evaluated" where the
 * manifests cannot tell.
 */
const EXPECTED: Record<string, Record<string, number>> = {
  // Online Boutique v0.5.1: the release's real gaps, once each, and nothing guessed about the cluster.
  "online-boutique": {
    "container.image-not-pinned": 11,
    "container.image-pull-policy": 1,
    "container.image-tag-latest": 1,
    "network.pod-egress-unrestricted": 12,
    "network.pod-ingress-unrestricted": 12,
    "network.service-loadbalancer": 1,
    "pod.capabilities-not-dropped": 13,
    "pod.probes-identical": 11,
    "pod.probes-missing": 1,
    "pod.resource-limits-missing": 1,
    "pod.resource-requests-missing": 1,
    "pod.seccomp-missing": 13,
    "secrets.sa-token-automount": 12,
  },
  // The Kubernetes guestbook: missing readiness probes behind its Services, and no default-account noise.
  guestbook: {
    "container.image-not-pinned": 3,
    "container.writable-root-fs": 3,
    "network.pod-egress-unrestricted": 3,
    "network.pod-ingress-unrestricted": 3,
    "network.service-loadbalancer": 1,
    "pod.capabilities-not-dropped": 3,
    "pod.no-disruption-budget": 2,
    "pod.privilege-escalation": 3,
    "pod.readiness-probe-missing": 3,
    "pod.resource-limits-missing": 3,
    "pod.run-as-non-root": 3,
    "pod.seccomp-missing": 3,
    "secrets.sa-token-automount": 3,
  },
  // A well-kept app: the budgets that hang drains, the probe it lacks, open egress and a role nothing binds.
  orders: {
    "container.image-not-pinned": 4,
    "container.writable-root-fs": 1,
    "network.pod-egress-unrestricted": 1,
    "pod.disruption-budget-misconfigured": 2,
    "pod.readiness-probe-missing": 1,
    "secrets.env-var-secret": 3,
    "secrets.rbac-unbound-dangerous-role": 1,
  },
};

/**
 * Real multi-service applications, scanned from their manifests as a CI job would: each gives
 * the findings a reviewer would sign, one per root cause, and says "not evaluated" where the
 * manifests cannot tell.
 */
describe("scanning real applications from their manifests", () => {
  it.each(Object.entries(EXPECTED))("%s: the findings per check", async (app, expected) => {
    expect(countsByCheck((await scan(app)).findings)).toStrictEqual(expected);
  });

  it("Online Boutique: the one untagged and the one floating image are named, and what manifests cannot tell does not apply, out of the scores", async () => {
    const report = await scan("online-boutique");
    const messages = (id: string) =>
      report.findings.filter((f) => f.checkId === id).map((f) => `${f.resource.name}: ${f.message}`);
    expect(messages("container.image-tag-latest")).toStrictEqual([
      "loadgenerator: init container `frontend-check` uses image busybox:latest with the latest tag",
    ]);
    expect(messages("container.image-pull-policy")).toStrictEqual([
      "redis-cart: container `redis` pulls floating tag redis:alpine with policy IfNotPresent",
    ]);
    const notApplicable = Object.fromEntries(report.notApplicable.map((n) => [n.checkId, n.reason]));
    expect(notApplicable["network.metadata-api-reachable"]).toBe(
      "needs a cluster scan: manifests hold no cluster state",
    );
    expect(notApplicable["container.untrusted-registry"]).toBe(
      "no trusted registries configured: list them under allowedRegistries in the check settings",
    );
    // Everything the manifests hold was judged: the scores are complete, with grades.
    expect(report.notEvaluated).toStrictEqual([]);
    expect(report.scores.overall).toMatchObject({ coverage: 1, grade: expect.stringMatching(/^[A-F]$/) });
    expect(report.scores.layers.node).toMatchObject({ score: null, grade: null });
  });

  it("orders: the role nothing scanned binds, and the budgets that hang drains, with why", async () => {
    const report = await scan("orders");
    expect(
      report.findings
        .filter((f) => f.checkId.startsWith("pod.disruption") || f.checkId.startsWith("secrets.rbac"))
        .map((f) => [f.resource.kind, f.resource.namespace, f.resource.name, f.message]),
    ).toStrictEqual([
      [
        "ClusterRole",
        "",
        "orders-debug",
        "ClusterRole `orders-debug` would let its subjects exec into pods; bound by nothing scanned",
      ],
      [
        "PodDisruptionBudget",
        "orders",
        "orders-api",
        "requires minAvailable: 3, not fewer than the minReplicas (2) of HorizontalPodAutoscaler `orders-api`, so at that scale no pod can be evicted and node drains hang",
      ],
      [
        "PodDisruptionBudget",
        "orders",
        "orders-worker",
        "sets maxUnavailable: 0, so no pod can ever be evicted and node drains hang",
      ],
    ]);
  });
});
