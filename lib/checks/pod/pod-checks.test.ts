import { describe, expect, it } from "vitest";

import type { RawObject } from "@/lib/k8s/to-inventory";

import { API_REF, contextWith, hardenedWith, inventoryOf, mainContainer } from "../__fixtures__/builders";
import { assertCase, evaluate, type CheckCase } from "../__fixtures__/check-cases";
import { ALL_CHECKS, getCheck } from "../registry";
import { runChecks } from "../run-checks";

const ref = API_REF;
const c = (container: string, message: string) => ({ resource: ref, container, message });
const PDB_REF = { kind: "PodDisruptionBudget", namespace: "shop", name: "api" };

/** The Service that sends traffic to the hardened Deployment's pods. */
const apiService: RawObject = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "api", namespace: "shop" },
  spec: { selector: { "app.kubernetes.io/name": "api" }, ports: [{ port: 80, targetPort: "http" }] },
};
const behindService = (edit?: Parameters<typeof hardenedWith>[0]) => [...hardenedWith(edit), apiService];
const hpa = (minReplicas: number): RawObject => ({
  apiVersion: "autoscaling/v2",
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "api", namespace: "shop" },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" }, minReplicas, maxReplicas: 10 },
});
/** The hardened objects with the PodDisruptionBudget's spec replaced. */
const withBudget = (spec: Record<string, unknown>, extra: RawObject[] = []) => [
  ...hardenedWith().map((o) =>
    o.kind === "PodDisruptionBudget"
      ? { ...o, spec: { selector: { matchLabels: { "app.kubernetes.io/name": "api" } }, ...spec } }
      : o,
  ),
  ...extra,
];

const kyverno = (name: string, spec: Record<string, unknown>): RawObject => ({
  apiVersion: "kyverno.io/v1",
  kind: "ClusterPolicy",
  metadata: { name },
  spec,
});
const vap = (name: string): RawObject => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicy",
  metadata: { name },
  spec: { validations: [{ expression: "has(object.metadata.labels.owner)" }] },
});
const vapBinding = (policyName: string, validationActions: string[]): RawObject => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicyBinding",
  metadata: { name: policyName },
  spec: { policyName, validationActions },
});

const CASES: Record<string, CheckCase> = {
  "pod.host-process": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.windowsOptions = { hostProcess: true };
    }),
    findings: [c("api", "container `api` sets windowsOptions.hostProcess: true")],
  },
  "pod.host-namespaces": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.hostPID = true;
      d.spec.template.spec.hostNetwork = true;
    }),
    findings: [
      { resource: ref, message: "pod sets hostNetwork: true" },
      { resource: ref, message: "pod sets hostPID: true" },
    ],
  },
  "pod.privileged": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.privileged = true;
    }),
    findings: [c("api", "container `api` runs privileged")],
  },
  "pod.capabilities-baseline": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.capabilities = { drop: ["ALL"], add: ["NET_BIND_SERVICE", "SYS_ADMIN"] };
    }),
    findings: [c("api", "container `api` adds capability SYS_ADMIN")],
  },
  "pod.host-path": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.volumes = [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }];
    }),
    findings: [{ resource: ref, message: "volume `docker` mounts host path /var/run/docker.sock" }],
  },
  "pod.host-ports": {
    fail: hardenedWith((d) => {
      mainContainer(d).ports = [{ containerPort: 8080, hostPort: 80 }];
    }),
    findings: [c("api", "container `api` binds host port 80")],
  },
  "pod.apparmor": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.appArmorProfile = { type: "Unconfined" };
    }),
    findings: [c("api", "container `api` sets AppArmor profile Unconfined")],
  },
  "pod.selinux": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.securityContext!.seLinuxOptions = { type: "spc_t" };
    }),
    findings: [{ resource: ref, message: "pod sets SELinux type spc_t" }],
  },
  "pod.proc-mount": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.procMount = "Unmasked";
    }),
    findings: [c("api", "container `api` sets procMount: Unmasked without a user namespace (hostUsers: false)")],
  },
  "pod.proc-mount-restricted": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.hostUsers = false;
      mainContainer(d).securityContext!.procMount = "Unmasked";
    }),
    findings: [c("api", "container `api` sets procMount: Unmasked")],
  },
  "pod.seccomp-unconfined": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.seccompProfile = { type: "Unconfined" };
    }),
    findings: [c("api", "container `api` sets seccomp profile Unconfined")],
  },
  "pod.unsafe-sysctls": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.securityContext!.sysctls = [
        { name: "kernel.msgmax", value: "65536" },
        { name: "net.ipv4.tcp_syncookies", value: "1" },
      ];
    }),
    findings: [{ resource: ref, message: "pod sets unsafe sysctl kernel.msgmax" }],
  },
  "pod.host-probes": {
    fail: hardenedWith((d) => {
      mainContainer(d).livenessProbe = { httpGet: { host: "169.254.169.254", path: "/", port: 80 } };
    }),
    findings: [c("api", "container `api` sends its livenessProbe to host 169.254.169.254")],
  },
  "pod.volume-types": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.volumes!.push({ name: "share", nfs: { server: "nfs.example.com", path: "/" } });
    }),
    findings: [{ resource: ref, message: "volume `share` uses the nfs volume type" }],
  },
  "pod.privilege-escalation": {
    fail: hardenedWith((d) => {
      delete d.spec.template.spec.initContainers![0]!.securityContext!.allowPrivilegeEscalation;
    }),
    findings: [c("migrate", "init container `migrate` does not set allowPrivilegeEscalation: false")],
  },
  "pod.run-as-non-root": {
    fail: hardenedWith((d) => {
      delete d.spec.template.spec.securityContext!.runAsNonRoot;
      mainContainer(d).securityContext!.runAsNonRoot = true;
    }),
    findings: [c("migrate", "init container `migrate` does not set runAsNonRoot: true (neither does the pod)")],
  },
  "pod.run-as-root-user": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.runAsUser = 0;
    }),
    findings: [c("api", "container `api` sets runAsUser: 0 (root)")],
  },
  "pod.seccomp-missing": {
    fail: hardenedWith((d) => {
      delete d.spec.template.spec.securityContext!.seccompProfile;
      mainContainer(d).securityContext!.seccompProfile = { type: "RuntimeDefault" };
    }),
    findings: [
      c(
        "migrate",
        "init container `migrate` has no seccomp profile (RuntimeDefault or Localhost), and neither does the pod",
      ),
    ],
  },
  "pod.capabilities-not-dropped": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.capabilities = { add: ["CHOWN"] };
    }),
    findings: [
      c("api", "container `api` does not drop ALL capabilities"),
      c("api", "container `api` adds capability CHOWN"),
    ],
  },
  "pod.namespace-psa-missing": {
    fail: hardenedWith().map((o) => (o.kind === "Namespace" ? { ...o, metadata: { name: "shop", labels: {} } } : o)),
    findings: [
      {
        resource: { kind: "Namespace", namespace: "", name: "shop" },
        message: "namespace `shop` has no pod-security.kubernetes.io/enforce label",
      },
    ],
  },
  "pod.namespace-psa-violations": {
    fail: hardenedWith((d) => {
      mainContainer(d).securityContext!.capabilities = { drop: ["ALL"], add: ["SYS_ADMIN"] };
    }),
    findings: [
      {
        resource: ref,
        message: "meets only the privileged level, but namespace `shop` sets enforce=restricted (2 violations)",
      },
    ],
  },
  "pod.no-admission-policy": {
    fail: hardenedWith()
      .filter((o) => o.kind !== "ValidatingWebhookConfiguration" && o.kind !== "ClusterPolicy")
      .map((o) =>
        o.kind === "Namespace"
          ? { ...o, metadata: { name: "shop", labels: { "pod-security.kubernetes.io/enforce": "privileged" } } }
          : o,
      ),
    findings: [
      {
        resource: { kind: "Cluster", namespace: "", name: "cluster" },
        message: "no namespace enforces a Pod Security level and no policy engine or validating webhook is installed",
      },
    ],
  },
  "pod.admission-policy-not-enforcing": {
    pass: [
      ...hardenedWith(),
      kyverno("require-labels", {
        validationFailureAction: "Audit",
        rules: [{ name: "labels", validate: { failureAction: "Enforce", pattern: {} } }],
      }),
      vap("require-owner"),
      vapBinding("require-owner", ["Deny", "Audit"]),
    ],
    fail: [
      ...hardenedWith(),
      // The pre-1.13 spelling, and Kyverno's default (Audit) when nothing is said.
      kyverno("restrict-registries", {
        validationFailureAction: "audit",
        rules: [{ name: "registries", validate: { pattern: {} } }],
      }),
      kyverno("require-probes", { rules: [{ name: "probes", validate: { pattern: {} } }] }),
      kyverno("add-labels", { rules: [{ name: "mutate", mutate: { patchStrategicMerge: {} } }] }),
      vap("unbound"),
      vap("warn-only"),
      vapBinding("warn-only", ["Warn", "Audit"]),
    ],
    findings: [
      {
        resource: { kind: "ValidatingAdmissionPolicy", namespace: "", name: "unbound" },
        message: "ValidatingAdmissionPolicy `unbound` has no ValidatingAdmissionPolicyBinding: it checks nothing",
      },
      {
        resource: { kind: "ValidatingAdmissionPolicy", namespace: "", name: "warn-only" },
        message:
          "ValidatingAdmissionPolicy `warn-only` is bound only with validationActions [Warn, Audit] (binding `warn-only`): violations are admitted",
      },
      {
        resource: { kind: "ClusterPolicy", namespace: "", name: "restrict-registries" },
        message: "Kyverno ClusterPolicy restrict-registries is in Audit mode: violations are reported, not denied",
      },
      {
        resource: { kind: "ClusterPolicy", namespace: "", name: "require-probes" },
        message: "Kyverno ClusterPolicy require-probes is in Audit mode: violations are reported, not denied",
      },
    ],
  },
  "pod.admission-webhook-fail-open": {
    fail: hardenedWith().map((o) =>
      o.kind === "ValidatingWebhookConfiguration"
        ? { ...o, webhooks: (o.webhooks as Record<string, unknown>[]).map((w) => ({ ...w, failurePolicy: "Ignore" })) }
        : o,
    ),
    findings: [
      {
        resource: {
          kind: "ValidatingWebhookConfiguration",
          namespace: "",
          name: "kyverno-resource-validating-webhook-cfg",
        },
        message:
          "Kyverno webhook `validate.kyverno.svc-fail` in ValidatingWebhookConfiguration `kyverno-resource-validating-webhook-cfg` fails open (failurePolicy: Ignore): requests are admitted unchecked when Kyverno does not answer",
      },
    ],
  },
  "pod.resource-limits-missing": {
    fail: hardenedWith((d) => {
      delete mainContainer(d).resources!.limits!.memory;
    }),
    findings: [c("api", "container `api` has no memory limit")],
  },
  "pod.resource-requests-missing": {
    fail: hardenedWith((d) => {
      delete mainContainer(d).resources!.requests;
    }),
    findings: [c("api", "container `api` has no CPU or memory request")],
  },
  "pod.no-disruption-budget": {
    fail: hardenedWith().filter((o) => o.kind !== "PodDisruptionBudget"),
    findings: [{ resource: ref, message: "3 replicas and no PodDisruptionBudget selects its pods" }],
  },
  "pod.probes-missing": {
    fail: hardenedWith((d) => {
      delete mainContainer(d).readinessProbe;
      delete mainContainer(d).livenessProbe;
    }),
    findings: [c("api", "container `api` has no readiness or liveness probe")],
  },
  "pod.readiness-probe-missing": {
    pass: behindService(),
    fail: behindService((d) => {
      delete mainContainer(d).readinessProbe;
    }),
    findings: [c("api", "container `api` receives traffic from Service `api` but has no readiness probe")],
  },
  "pod.probes-identical": {
    fail: hardenedWith((d) => {
      mainContainer(d).readinessProbe = { httpGet: { path: "/livez", port: "http" }, periodSeconds: 5 } as never;
    }),
    findings: [c("api", "container `api` uses the same check for its liveness and readiness probes")],
  },
  "pod.disruption-budget-misconfigured": {
    fail: withBudget({ minAvailable: 3 }),
    findings: [
      {
        resource: PDB_REF,
        message:
          "requires minAvailable: 3, not fewer than the 3 replicas of Deployment `api`, so no pod can be evicted and node drains hang",
      },
    ],
  },
  "pod.default-namespace": {
    fail: hardenedWith((d) => {
      d.metadata!.namespace = "default";
    }),
    findings: [{ resource: { ...ref, namespace: "default" }, message: "runs in the default namespace" }],
  },
  "pod.gitrepo-volume": {
    fail: hardenedWith((d) => {
      d.spec.template.spec.volumes = [{ name: "site", gitRepo: { repository: "https://example.com/site.git" } }];
    }),
    findings: [{ resource: ref, message: "volume `site` is a gitRepo volume, cloned on the node by the kubelet" }],
  },
};

describe("pod layer checks", () => {
  it("has a passing and a failing fixture for every pod check", () => {
    expect(Object.keys(CASES).sort()).toStrictEqual(
      ALL_CHECKS.filter((c) => c.layer === "pod")
        .map((c) => c.id)
        .sort(),
    );
  });

  it.each(Object.entries(CASES))(
    "%s: the hardened Deployment passes, the failing fixture gives exactly its findings",
    (id, testCase) => {
      assertCase(id, testCase.pass ?? hardenedWith(), testCase);
    },
  );

  it("pod.readiness-probe-missing: a liveness probe alone does not gate traffic; a worker no Service reaches is left to pod.probes-missing", () => {
    const livenessOnly = behindService((d) => {
      delete mainContainer(d).readinessProbe;
    });
    expect(evaluate("pod.readiness-probe-missing", livenessOnly).findings).toHaveLength(1);
    expect(evaluate("pod.probes-missing", livenessOnly)).toStrictEqual({
      status: "evaluated",
      evaluated: [],
      findings: [],
    });
    const noProbes = behindService((d) => {
      delete mainContainer(d).readinessProbe;
      delete mainContainer(d).livenessProbe;
    });
    expect(evaluate("pod.readiness-probe-missing", noProbes).findings).toStrictEqual([
      c("api", "container `api` receives traffic from Service `api` but has no readiness probe"),
    ]);
    expect(evaluate("pod.probes-missing", noProbes).findings).toStrictEqual([]);
  });

  it("pod.readiness-probe-missing: only the containers that serve the Service's port are judged, not a sidecar", () => {
    const withSidecar = behindService((d) => {
      d.spec.template.spec.containers!.push({
        name: "log-shipper",
        image: "registry.example.com/ops/shipper:2.1.0",
        ports: [{ containerPort: 9100, name: "metrics" }],
      });
    });
    expect(evaluate("pod.readiness-probe-missing", withSidecar).findings).toStrictEqual([]);
  });

  it("pod.probes-identical: probes are compared by what they check, not by timings; different exec commands differ", () => {
    const exec = (command: string[]) => ({ exec: { command } }) as never;
    const same = hardenedWith((d) => {
      mainContainer(d).livenessProbe = exec(["/bin/grpc_health_probe", "-addr=:8080"]);
      mainContainer(d).readinessProbe = {
        ...(exec(["/bin/grpc_health_probe", "-addr=:8080"]) as object),
        initialDelaySeconds: 5,
      } as never;
    });
    expect(evaluate("pod.probes-identical", same).findings).toHaveLength(1);
    const different = hardenedWith((d) => {
      mainContainer(d).livenessProbe = exec(["/app/health", "--live"]);
      mainContainer(d).readinessProbe = exec(["/app/health", "--ready"]);
    });
    expect(evaluate("pod.probes-identical", different).findings).toStrictEqual([]);
  });

  it("pod.probes-identical: HTTP probes are compared with their query strings (kept only as fingerprints)", () => {
    const http = (path: string) => ({ httpGet: { path, port: 8080 } }) as never;
    const same = hardenedWith((d) => {
      mainContainer(d).livenessProbe = http("/health?token=s3cr3t");
      mainContainer(d).readinessProbe = http("/health?token=s3cr3t");
    });
    expect(evaluate("pod.probes-identical", same).findings).toHaveLength(1);
    const different = hardenedWith((d) => {
      mainContainer(d).livenessProbe = http("/health?probe=live");
      mainContainer(d).readinessProbe = http("/health?probe=ready");
    });
    expect(evaluate("pod.probes-identical", different).findings).toStrictEqual([]);
  });

  it("pod.disruption-budget-misconfigured: maxUnavailable 0 and a budget with neither field fail; room for one eviction passes", () => {
    expect(evaluate("pod.disruption-budget-misconfigured", withBudget({ maxUnavailable: 0 })).findings).toStrictEqual([
      { resource: PDB_REF, message: "sets maxUnavailable: 0, so no pod can ever be evicted and node drains hang" },
    ]);
    expect(evaluate("pod.disruption-budget-misconfigured", withBudget({ maxUnavailable: "0%" })).findings).toHaveLength(
      1,
    );
    expect(evaluate("pod.disruption-budget-misconfigured", withBudget({})).findings).toStrictEqual([
      {
        resource: PDB_REF,
        message: "sets neither minAvailable nor maxUnavailable, so it lets every pod be evicted at once",
      },
    ]);
    expect(evaluate("pod.disruption-budget-misconfigured", withBudget({ minAvailable: "100%" })).findings).toHaveLength(
      1,
    );
    for (const spec of [{ maxUnavailable: 1 }, { maxUnavailable: "10%" }, { minAvailable: "50%" }]) {
      expect(
        evaluate("pod.disruption-budget-misconfigured", withBudget(spec)).findings,
        JSON.stringify(spec),
      ).toStrictEqual([]);
    }
  });

  it("pod.disruption-budget-misconfigured: with an HPA, minAvailable is judged against minReplicas, not the replicas field", () => {
    expect(
      evaluate("pod.disruption-budget-misconfigured", withBudget({ minAvailable: 2 }, [hpa(2)])).findings,
    ).toStrictEqual([
      {
        resource: PDB_REF,
        message:
          "requires minAvailable: 2, not fewer than the minReplicas (2) of HorizontalPodAutoscaler `api`, so at that scale no pod can be evicted and node drains hang",
      },
    ]);
    expect(
      evaluate("pod.disruption-budget-misconfigured", withBudget({ minAvailable: 2 }, [hpa(3)])).findings,
    ).toStrictEqual([]);
  });

  it("pod.seccomp-missing: a container's own RuntimeDefault satisfies restricted without a pod-level profile", () => {
    const objects = hardenedWith((d) => {
      delete d.spec.template.spec.securityContext!.seccompProfile;
      for (const ctr of [...d.spec.template.spec.containers!, ...d.spec.template.spec.initContainers!])
        ctr.securityContext!.seccompProfile = { type: "RuntimeDefault" };
    });
    expect(evaluate("pod.seccomp-missing", objects).findings).toStrictEqual([]);
  });

  it("pod.capabilities-not-dropped: `drop: [all]` in lower case is named as what admission rejects, not as no drop", () => {
    const objects = hardenedWith((d) => {
      mainContainer(d).securityContext!.capabilities = { drop: ["all"] };
    });
    expect(evaluate("pod.capabilities-not-dropped", objects).findings).toStrictEqual([
      c("api", "container `api` drops `all`, which Pod Security admission does not accept: write ALL in capitals"),
    ]);
  });

  it("pod.no-admission-policy: a policy engine whose policies only audit guards nothing; one that enforces does", () => {
    const audit = kyverno("baseline", {
      validationFailureAction: "Audit",
      rules: [{ name: "baseline", validate: { podSecurity: { level: "baseline" } } }],
    });
    const privileged = hardenedWith().map((o) =>
      o.kind === "Namespace" ? { ...o, metadata: { name: "shop", labels: {} } } : o,
    );
    expect(evaluate("pod.no-admission-policy", [...privileged, audit]).findings).toStrictEqual([
      {
        resource: { kind: "Cluster", namespace: "", name: "cluster" },
        message:
          "no namespace enforces a Pod Security level and no admission policy enforces: the 1 installed policy only audits or warns (see pod.admission-policy-not-enforcing)",
      },
    ]);
    const enforced = { ...audit, spec: { ...(audit.spec as object), validationFailureAction: "Enforce" } };
    expect(evaluate("pod.no-admission-policy", [...privileged, enforced]).findings).toStrictEqual([]);
    expect(
      evaluate("pod.no-admission-policy", [...privileged, vap("owner"), vapBinding("owner", ["Deny"])]).findings,
    ).toStrictEqual([]);
  });

  it("a user namespace (hostUsers: false) mitigates root and capabilities: same verdict as the standard, one severity lower; not privileged", () => {
    const objects = hardenedWith((d) => {
      d.spec.template.spec.hostUsers = false;
      d.spec.template.spec.securityContext!.runAsNonRoot = false;
      mainContainer(d).securityContext = {
        ...mainContainer(d).securityContext,
        runAsNonRoot: false,
        runAsUser: 0,
        privileged: true,
        capabilities: { add: ["SYS_ADMIN"] },
      };
    });
    const results = runChecks(inventoryOf(objects), contextWith());
    const of = (id: string) =>
      results.flatMap((r) =>
        r.checkId === id && r.status === "evaluated"
          ? r.findings.filter((f) => f.container === "api").map((f) => [f.severity, f.message])
          : [],
      );
    const userns = "; mitigated: the pod runs in a user namespace (hostUsers: false), so";
    expect(of("pod.run-as-root-user")).toStrictEqual([
      [
        "medium",
        `container \`api\` sets runAsUser: 0 (root)${userns} its root user maps to an unprivileged user on the node`,
      ],
    ]);
    expect(of("pod.capabilities-baseline")).toStrictEqual([
      [
        "medium",
        `container \`api\` adds capability SYS_ADMIN${userns} its capabilities hold inside that namespace only, not on the node`,
      ],
    ]);
    expect(of("pod.privileged")).toStrictEqual([["critical", "container `api` runs privileged"]]);
    // The check alone says the same as the single pass.
    const alone = getCheck("pod.run-as-root-user")!.evaluate(inventoryOf(objects), contextWith());
    expect(
      alone.status === "evaluated" && alone.findings.filter((f) => f.container === "api").map((f) => f.mitigated),
    ).toStrictEqual([true]);
  });

  it("pod.no-disruption-budget: a single-replica Deployment is not evaluated for a budget", () => {
    const objects = hardenedWith((d) => {
      d.spec.replicas = 1;
    }).filter((o) => o.kind !== "PodDisruptionBudget");
    expect(evaluate("pod.no-disruption-budget", objects)).toStrictEqual({
      status: "evaluated",
      evaluated: [],
      findings: [],
    });
  });

  it("evaluates CronJob pod templates", () => {
    const cron = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "backup", namespace: "shop" },
      spec: {
        schedule: "0 3 * * *",
        jobTemplate: {
          spec: {
            template: {
              spec: { containers: [{ name: "backup", image: "busybox:1.36", securityContext: { privileged: true } }] },
            },
          },
        },
      },
    };
    expect(evaluate("pod.privileged", [cron]).findings).toStrictEqual([
      {
        resource: { kind: "CronJob", namespace: "shop", name: "backup" },
        container: "backup",
        message: "container `backup` runs privileged",
      },
    ]);
  });
});
