import type { ControlPlaneComponent } from "@/lib/inventory/control-plane-flags";
import type { Inventory, ResourceRef } from "@/lib/inventory/types";

import type { Check, Evaluation, Severity } from "../types";
import { detectProvider, managedReason } from "./detect-provider";

type Flags = Record<string, string>;
/** What is wrong with one component's flags (empty: nothing), or why they cannot be judged. */
type Judge = (flags: Flags) => string[] | { unknown: string };

const list = (v: string | undefined) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** The static (mirror) pods of a control plane component in kube-system, with the flags their container runs with. */
function staticPods(inventory: Inventory, component: ControlPlaneComponent): { ref: ResourceRef; flags: Flags }[] {
  return inventory.workloads.flatMap((w) => {
    if (w.ref.kind !== "Pod" || w.ref.namespace !== "kube-system") return [];
    const c = w.spec.containers?.find((x) => x.controlPlane?.component === component);
    return c?.controlPlane ? [{ ref: w.ref, flags: c.controlPlane.flags }] : [];
  });
}

/**
 * A check of one control plane component's flags, read from its static pods. On EKS, GKE and
 * AKS, or where no such pod is visible, it is "not evaluated" with the reason, never passed;
 * a pod whose flags cannot be judged is left out of what was evaluated.
 */
function controlPlaneCheck(component: ControlPlaneComponent, judge: Judge) {
  return (inventory: Inventory): Evaluation => {
    const provider = detectProvider(inventory.nodes);
    if (provider) return { status: "not-applicable", reason: managedReason(provider) };
    const pods = staticPods(inventory, component);
    if (pods.length === 0)
      return {
        status: "not-evaluated",
        reason: `not visible: no ${component} static pod in kube-system (a managed control plane, or one run outside the cluster)`,
      };
    const judged = pods.map((p) => ({ ...p, verdict: judge(p.flags) }));
    const known = judged.filter((p): p is typeof p & { verdict: string[] } => Array.isArray(p.verdict));
    if (known.length === 0)
      return {
        status: "not-evaluated",
        reason: [...new Set(judged.map((p) => (Array.isArray(p.verdict) ? "" : p.verdict.unknown)))].join("; "),
      };
    return {
      status: "evaluated",
      evaluated: known.map((p) => p.ref),
      findings: known.flatMap((p) =>
        p.verdict.map((problem) => ({ resource: p.ref, message: `${component} (pod \`${p.ref.name}\`) ${problem}` })),
      ),
    };
  };
}

const DOC = "https://kubernetes.io/docs/reference/command-line-tools-reference/";
const base = (
  id: string,
  severity: Severity,
  title: string,
  rationale: string,
  remediation: string,
  references: string[],
) => ({
  id,
  layer: "node" as const,
  severity,
  title,
  rationale,
  remediation,
  references,
  requires: ["workloads", "nodes"] as const,
});

export const apiServerAnonymousAuth = {
  ...base(
    "node.apiserver-anonymous-auth",
    "critical",
    "API server accepts anonymous requests",
    "With anonymous authentication on, every request without credentials reaches the authorizer as system:anonymous; one careless binding then opens the API to anyone who can reach it.",
    "Start kube-apiserver with `--anonymous-auth=false`, or limit anonymous access to the health endpoints with an AuthenticationConfiguration (`anonymous.conditions`).",
    ["CIS 1.2.1", `${DOC}kube-apiserver/`],
  ),
  evaluate: controlPlaneCheck("kube-apiserver", (f) => {
    if (f["anonymous-auth"] === "false") return [];
    if (f["authentication-config"])
      return { unknown: "the API server reads --authentication-config, a file Bulwark cannot see" };
    return [
      f["anonymous-auth"] === undefined
        ? "runs without --anonymous-auth=false (anonymous requests are on by default)"
        : `sets --anonymous-auth=${f["anonymous-auth"]}`,
    ];
  }),
} as const satisfies Check;

export const apiServerAuthorization = {
  ...base(
    "node.apiserver-authorization",
    "critical",
    "API server authorization too permissive",
    "AlwaysAllow lets every authenticated caller do anything. Without the Node authorizer kubelets can read every Secret; without RBAC, roles and bindings mean nothing.",
    "Start kube-apiserver with `--authorization-mode=Node,RBAC` (and never AlwaysAllow).",
    ["CIS 1.2.6", "CIS 1.2.7", "CIS 1.2.8", `${DOC}kube-apiserver/`],
  ),
  evaluate: controlPlaneCheck("kube-apiserver", (f) => {
    if (f["authorization-mode"] === undefined && f["authorization-config"])
      return { unknown: "the API server reads --authorization-config, a file Bulwark cannot see" };
    const modes = list(f["authorization-mode"] ?? "AlwaysAllow");
    return [
      modes.includes("AlwaysAllow") ? "authorises every request (--authorization-mode includes AlwaysAllow)" : "",
      modes.includes("Node") ? "" : "--authorization-mode lacks Node",
      modes.includes("RBAC") ? "" : "--authorization-mode lacks RBAC",
    ].filter(Boolean);
  }),
} as const satisfies Check;

export const apiServerAdmission = {
  ...base(
    "node.apiserver-admission-plugins",
    "high",
    "API server admission plugins weaken the cluster",
    "NodeRestriction stops a kubelet from changing other nodes and pods; AlwaysAdmit turns admission off; ServiceAccount and NamespaceLifecycle keep tokens and deleted namespaces in check.",
    "Include NodeRestriction in `--enable-admission-plugins`, never AlwaysAdmit, and do not list ServiceAccount or NamespaceLifecycle in `--disable-admission-plugins`.",
    ["CIS 1.2.10", "CIS 1.2.12", "CIS 1.2.13", "CIS 1.2.14", `${DOC}kube-apiserver/`],
  ),
  evaluate: controlPlaneCheck("kube-apiserver", (f) => {
    const on = list(f["enable-admission-plugins"]);
    const off = list(f["disable-admission-plugins"]);
    return [
      on.includes("NodeRestriction") ? "" : "does not enable the NodeRestriction admission plugin",
      on.includes("AlwaysAdmit") ? "enables the AlwaysAdmit admission plugin" : "",
      ...["ServiceAccount", "NamespaceLifecycle"].map((p) =>
        off.includes(p) ? `disables the ${p} admission plugin` : "",
      ),
    ].filter(Boolean);
  }),
} as const satisfies Check;

const AUDIT_MINIMUMS = [
  ["audit-log-maxage", 30],
  ["audit-log-maxbackup", 10],
  ["audit-log-maxsize", 100],
] as const;

export const apiServerAuditLog = {
  ...base(
    "node.apiserver-audit-log",
    "high",
    "API server audit logging off or short-lived",
    "Without audit logs nobody can tell who read a Secret or created a privileged pod; logs rotated away within days are gone before an incident is noticed.",
    "Start kube-apiserver with `--audit-policy-file`, `--audit-log-path` (or an audit webhook), `--audit-log-maxage=30`, `--audit-log-maxbackup=10` and `--audit-log-maxsize=100`.",
    [
      "CIS 1.2.16",
      "CIS 1.2.17",
      "CIS 1.2.18",
      "CIS 1.2.19",
      "NSA/CISA Kubernetes Hardening Guide: audit logging",
      `${DOC}kube-apiserver/`,
    ],
  ),
  evaluate: controlPlaneCheck("kube-apiserver", (f) => {
    // Retention limits apply to a log file: a webhook-only setup has none to judge.
    if (!f["audit-log-path"] && f["audit-webhook-config-file"]) return [];
    const retention = AUDIT_MINIMUMS.flatMap(([flag, min]) =>
      Number(f[flag] ?? 0) >= min
        ? []
        : [`keeps too little audit log: --${flag} is ${f[flag] ?? "unset"}, below ${min}`],
    );
    return [
      ...(f["audit-log-path"] ? [] : ["writes no audit log (no --audit-log-path or --audit-webhook-config-file)"]),
      ...retention,
    ];
  }),
} as const satisfies Check;

export const apiServerEncryptionAtRest = {
  ...base(
    "node.apiserver-encryption-at-rest",
    "high",
    "Secrets not encrypted at rest",
    "Without an encryption configuration Secrets sit in etcd in plain text: a backup or a copy of the etcd data directory gives away every credential in the cluster.",
    "Write an EncryptionConfiguration (KMS v2, or aescbc/secretbox) for secrets and start kube-apiserver with `--encryption-provider-config`, then rewrite existing Secrets.",
    ["CIS 1.2.27", "NSA/CISA Kubernetes Hardening Guide: encryption", `${DOC}kube-apiserver/`],
  ),
  evaluate: controlPlaneCheck("kube-apiserver", (f) =>
    f["encryption-provider-config"]
      ? []
      : ["has no --encryption-provider-config: Secrets are stored unencrypted in etcd"],
  ),
} as const satisfies Check;

export const etcdClientAuth = {
  ...base(
    "node.etcd-client-auth",
    "critical",
    "etcd accepts clients or peers without certificates",
    "etcd holds every object of the cluster, Secrets included. Without client and peer certificate authentication, anything that reaches its port can read or rewrite the cluster; self-signed auto TLS proves nothing about who is connecting.",
    "Start etcd with `--client-cert-auth=true` and `--peer-client-cert-auth=true`, with certificates from a dedicated CA, and without `--auto-tls` or `--peer-auto-tls`.",
    ["CIS 2.2", "CIS 2.3", "CIS 2.5", "CIS 2.6", "https://etcd.io/docs/latest/op-guide/security/"],
  ),
  evaluate: controlPlaneCheck("etcd", (f) =>
    [
      f["client-cert-auth"] === "true" ? "" : "does not require client certificates (--client-cert-auth)",
      f["peer-client-cert-auth"] === "true" ? "" : "does not require peer certificates (--peer-client-cert-auth)",
      f["auto-tls"] === "true" ? "uses self-signed client TLS (--auto-tls)" : "",
      f["peer-auto-tls"] === "true" ? "uses self-signed peer TLS (--peer-auto-tls)" : "",
    ].filter(Boolean),
  ),
} as const satisfies Check;

const profilingAndBind = (f: Flags) =>
  [
    f.profiling === "false" ? "" : "serves profiling data (--profiling is not false)",
    f["bind-address"] === undefined || f["bind-address"] === "127.0.0.1"
      ? ""
      : `listens on --bind-address=${f["bind-address"]}, not 127.0.0.1`,
  ].filter(Boolean);

export const controllerManagerExposure = {
  ...base(
    "node.controller-manager-exposure",
    "medium",
    "Controller manager exposes profiling or listens beyond localhost",
    "Profiling endpoints reveal internals and cost CPU on demand; a controller manager listening on every interface offers its endpoints to the whole network.",
    "Start kube-controller-manager with `--profiling=false` and `--bind-address=127.0.0.1`.",
    ["CIS 1.3.2", "CIS 1.3.7", `${DOC}kube-controller-manager/`],
  ),
  evaluate: controlPlaneCheck("kube-controller-manager", profilingAndBind),
} as const satisfies Check;

export const schedulerExposure = {
  ...base(
    "node.scheduler-exposure",
    "medium",
    "Scheduler exposes profiling or listens beyond localhost",
    "Profiling endpoints reveal internals and cost CPU on demand; a scheduler listening on every interface offers its endpoints to the whole network.",
    "Start kube-scheduler with `--profiling=false` and `--bind-address=127.0.0.1`.",
    ["CIS 1.4.1", "CIS 1.4.2", `${DOC}kube-scheduler/`],
  ),
  evaluate: controlPlaneCheck("kube-scheduler", profilingAndBind),
} as const satisfies Check;

export const CONTROL_PLANE_CHECKS: Check[] = [
  apiServerAnonymousAuth,
  apiServerAuthorization,
  apiServerAdmission,
  apiServerAuditLog,
  apiServerEncryptionAtRest,
  etcdClientAuth,
  controllerManagerExposure,
  schedulerExposure,
];
