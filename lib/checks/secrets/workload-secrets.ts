import type { Inventory, Workload } from "@/lib/inventory/types";
import { allContainers, describeContainer } from "../pss/containers";
import { evaluateWorkloads, workloadCheck } from "../evaluate-workloads";
import { inAppNamespace, isSystemNamespace } from "../settings";
import type { Check, WorkloadInspector } from "../types";

export const envVarSecret = workloadCheck({
  id: "secrets.env-var-secret",
  layer: "secrets",
  severity: "low",
  title: "Secrets passed as environment variables",
  rationale: "Environment variables leak: into crash dumps, child processes, `kubectl describe` output and logs of tools that print their environment. Secrets mounted as files are read only when needed and can be rotated without a restart.",
  remediation: "Mount the Secret as a volume and read it from the file:\n```yaml\nvolumes:\n  - name: db\n    secret:\n      secretName: payments-db\n```",
  references: ["CIS 5.4.1"],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    inspect: (w, found) => {
      for (const t of allContainers(w.spec)) {
        for (const e of t.container.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) found(`${describeContainer(t)} takes Secret \`${ref.name}\` in env var ${e.name}`, t.container.name);
        }
        for (const e of t.container.envFrom ?? []) {
          if (e.secretRef) found(`${describeContainer(t)} loads all of Secret \`${e.secretRef.name}\` into its environment`, t.container.name);
        }
      }
    },
  }),
});

/** Env vars whose value the collector classified as a credential (the value itself was dropped). */
const credentialEnvVars: WorkloadInspector = {
  inspect: (w, found) => {
    for (const t of allContainers(w.spec)) {
      for (const e of t.container.env ?? []) {
        if (e.credential) found(`${describeContainer(t)} sets env var ${e.name} to a ${e.credential} (value redacted)`, t.container.name);
      }
    }
  },
};

const HARDCODED_CREDENTIAL = { id: "secrets.hardcoded-credential", layer: "secrets", severity: "high" } as const;

export const hardcodedCredential = {
  ...HARDCODED_CREDENTIAL,
  title: "Credentials written into pod specs or ConfigMaps",
  rationale: "A credential in a pod spec or ConfigMap is readable by everyone who can read those objects (far more people than can read Secrets), is stored unencrypted and ends up in Git. The value itself is never shown here.",
  remediation: "Move the value into a Secret (or an external secret store), rotate the exposed credential, and reference it with `secretKeyRef` or a mounted file.",
  references: ["NSA/CISA Kubernetes Hardening Guide: secrets"],
  requires: ["workloads", "configMaps"],
  evaluate: (inventory) => {
    const workloads = evaluateWorkloads(HARDCODED_CREDENTIAL, inventory.workloads, credentialEnvVars);
    if (workloads.status === "not-evaluated") return workloads;
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

export const saTokenAutomount = workloadCheck({
  id: "secrets.sa-token-automount",
  layer: "secrets",
  severity: "medium",
  title: "Service-account tokens mounted but not needed",
  rationale: "Every pod gets an API token unless told otherwise. A workload whose service account has no permissions does not need one, and a token in a compromised pod is a free foothold on the API server.",
  remediation: "```yaml\nspec:\n  automountServiceAccountToken: false\n```\n(on the pod, or on its ServiceAccount).",
  references: ["CIS 5.1.6"],
  requires: ["workloads", "serviceAccounts", "roleBindings"],
  inspectWorkloads: (inventory, ctx) => {
    const accounts = new Map(inventory.serviceAccounts.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s]));
    const bound = boundSubjects(inventory);
    return {
      include: inAppNamespace(ctx.settings),
      inspect: (w, found) => {
        const name = saName(w);
        const mounts = w.spec.automountServiceAccountToken ?? accounts.get(`${w.ref.namespace}/${name}`)?.automountServiceAccountToken ?? true;
        if (mounts && !hasBinding(bound, w.ref.namespace, name)) found(`mounts a token for ServiceAccount \`${name}\`, which has no RBAC binding`);
      },
    };
  },
});

export const defaultServiceAccount = workloadCheck({
  id: "secrets.default-service-account",
  layer: "secrets",
  severity: "low",
  title: "Workloads running as the default service account",
  rationale: "Workloads sharing a namespace's `default` service account share whatever anyone ever bound to it, and their API activity cannot be told apart in audit logs.",
  remediation: "Create a ServiceAccount per workload and set `serviceAccountName`.",
  references: ["CIS 5.1.5"],
  requires: ["workloads"],
  inspectWorkloads: (_inventory, ctx) => ({
    include: inAppNamespace(ctx.settings),
    inspect: (w, found) => {
      if (saName(w) === "default") found("runs as the namespace's default service account");
    },
  }),
});

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
