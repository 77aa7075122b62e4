import type { Inventory, Workload } from "@/lib/inventory/types";
import { allContainers, describeContainer } from "../pss/containers";
import { evaluateWorkloads } from "../evaluate-workloads";
import { inAppNamespace, isSystemNamespace } from "../settings";
import type { Check } from "../types";

export const envVarSecret = {
  id: "secrets.env-var-secret",
  layer: "secrets",
  severity: "low",
  title: "Secrets passed as environment variables",
  rationale: "Environment variables leak: into crash dumps, child processes, `kubectl describe` output and logs of tools that print their environment. Secrets mounted as files are read only when needed and can be rotated without a restart.",
  remediation: "Mount the Secret as a volume and read it from the file:\n```yaml\nvolumes:\n  - name: db\n    secret:\n      secretName: payments-db\n```",
  references: ["CIS 5.4.1"],
  requires: ["workloads"],
  evaluate: (inventory) =>
    evaluateWorkloads(inventory, (w) =>
      allContainers(w.spec).flatMap((t) => [
        ...(t.container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => ({ container: t.container.name, message: `${describeContainer(t)} takes Secret \`${e.valueFrom?.secretKeyRef?.name}\` in env var ${e.name}` })),
        ...(t.container.envFrom ?? []).filter((e) => e.secretRef).map((e) => ({ container: t.container.name, message: `${describeContainer(t)} loads all of Secret \`${e.secretRef?.name}\` into its environment` })),
      ]),
    ),
} as const satisfies Check;

export const hardcodedCredential = {
  id: "secrets.hardcoded-credential",
  layer: "secrets",
  severity: "high",
  title: "Credentials written into pod specs or ConfigMaps",
  rationale: "A credential in a pod spec or ConfigMap is readable by everyone who can read those objects (far more people than can read Secrets), is stored unencrypted and ends up in Git. The value itself is never shown here.",
  remediation: "Move the value into a Secret (or an external secret store), rotate the exposed credential, and reference it with `secretKeyRef` or a mounted file.",
  references: ["NSA/CISA Kubernetes Hardening Guide: secrets"],
  requires: ["workloads", "configMaps"],
  evaluate: (inventory) => {
    const workloads = evaluateWorkloads(inventory, (w) =>
      allContainers(w.spec).flatMap((t) =>
        (t.container.env ?? []).filter((e) => e.credential).map((e) => ({ container: t.container.name, message: `${describeContainer(t)} sets env var ${e.name} to a ${e.credential} (value redacted)` })),
      ),
    );
    if (workloads.status !== "evaluated") return workloads;
    return {
      status: "evaluated",
      evaluated: [...workloads.evaluated, ...inventory.configMaps.map((c) => c.ref)],
      findings: [
        ...workloads.findings,
        ...inventory.configMaps.flatMap((c) => c.credentialKeys.map((k) => ({ resource: c.ref, message: `ConfigMap key ${k.key} holds a ${k.kind} (value redacted)` }))),
      ],
    };
  },
} as const satisfies Check;

const saName = (w: Workload) => w.spec.serviceAccountName || "default";

/** Everything bindings name that a service account can be: "ns/name" for accounts, the group names as they are. */
function boundSubjects(inventory: Inventory): Set<string> {
  const keys = new Set<string>();
  for (const b of inventory.roleBindings) {
    for (const s of b.subjects) keys.add(s.kind === "ServiceAccount" ? `${s.namespace ?? ""}/${s.name}` : s.kind === "Group" ? s.name : "");
  }
  return keys;
}

/** Whether any binding names the service account, directly or through its groups. */
const hasBinding = (bound: Set<string>, ns: string, name: string) =>
  bound.has(`${ns}/${name}`) || bound.has("system:serviceaccounts") || bound.has(`system:serviceaccounts:${ns}`);

export const saTokenAutomount = {
  id: "secrets.sa-token-automount",
  layer: "secrets",
  severity: "medium",
  title: "Service-account tokens mounted but not needed",
  rationale: "Every pod gets an API token unless told otherwise. A workload whose service account has no permissions does not need one, and a token in a compromised pod is a free foothold on the API server.",
  remediation: "```yaml\nspec:\n  automountServiceAccountToken: false\n```\n(on the pod, or on its ServiceAccount).",
  references: ["CIS 5.1.6"],
  requires: ["workloads", "serviceAccounts", "roleBindings"],
  evaluate: (inventory, ctx) => {
    const accounts = new Map(inventory.serviceAccounts.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s]));
    const bound = boundSubjects(inventory);
    return evaluateWorkloads(
      inventory,
      (w) => {
        const sa = accounts.get(`${w.ref.namespace}/${saName(w)}`);
        const mounts = w.spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
        if (!mounts || hasBinding(bound, w.ref.namespace, saName(w))) return [];
        return [{ message: `mounts a token for ServiceAccount \`${saName(w)}\`, which has no RBAC binding` }];
      },
      inAppNamespace(ctx.settings),
    );
  },
} as const satisfies Check;

export const defaultServiceAccount = {
  id: "secrets.default-service-account",
  layer: "secrets",
  severity: "low",
  title: "Workloads running as the default service account",
  rationale: "Workloads sharing a namespace's `default` service account share whatever anyone ever bound to it, and their API activity cannot be told apart in audit logs.",
  remediation: "Create a ServiceAccount per workload and set `serviceAccountName`.",
  references: ["CIS 5.1.5"],
  requires: ["workloads"],
  evaluate: (inventory, ctx) =>
    evaluateWorkloads(
      inventory,
      (w) => (saName(w) === "default" ? [{ message: "runs as the namespace's default service account" }] : []),
      inAppNamespace(ctx.settings),
    ),
} as const satisfies Check;

export const defaultSaAutomount = {
  id: "secrets.default-sa-automount",
  layer: "secrets",
  severity: "low",
  title: "Default service accounts mount tokens",
  rationale: "Any pod that forgets `serviceAccountName` runs as `default`; if `default` mounts a token, every such pod gets API credentials by accident.",
  remediation: "```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n```",
  references: ["CIS 5.1.5"],
  requires: ["serviceAccounts"],
  evaluate: (inventory, ctx) => {
    const defaults = inventory.serviceAccounts.filter((s) => s.ref.name === "default" && !isSystemNamespace(ctx.settings, s.ref.namespace));
    return {
      status: "evaluated",
      evaluated: defaults.map((s) => s.ref),
      findings: defaults.filter((s) => s.automountServiceAccountToken !== false).map((s) => ({ resource: s.ref, message: `the default ServiceAccount of namespace \`${s.ref.namespace}\` does not set automountServiceAccountToken: false` })),
    };
  },
} as const satisfies Check;
