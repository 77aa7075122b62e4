import type { RoleBinding } from "@/lib/inventory/cluster-types";
import type { Inventory, Workload } from "@/lib/inventory/types";

import { evaluateWorkloads, workloadCheck } from "../evaluate-workloads";
import { allContainers, describeContainer } from "../pss/containers";
import { inAppNamespace, isSystemNamespace } from "../settings";
import type { Check, WorkloadInspector } from "../types";

export const envVarSecret = workloadCheck({
  id: "secrets.env-var-secret",
  layer: "secrets",
  severity: "low",
  title: "Secrets passed as environment variables",
  rationale:
    "Environment variables leak: into crash dumps, child processes, `kubectl describe` output and logs of tools that print their environment. Secrets mounted as files are read only when needed and can be rotated without a restart.",
  remediation:
    "Mount the Secret as a volume and read it from the file:\n```yaml\nvolumes:\n  - name: db\n    secret:\n      secretName: payments-db\n```",
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
          if (e.secretRef)
            found(
              `${describeContainer(t)} loads all of Secret \`${e.secretRef.name}\` into its environment`,
              t.container.name,
            );
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
        if (e.credential)
          found(
            `${describeContainer(t)} sets env var ${e.name} to a ${e.credential} (value redacted)`,
            t.container.name,
          );
      }
    }
  },
};

const HARDCODED_CREDENTIAL = { id: "secrets.hardcoded-credential", layer: "secrets", severity: "high" } as const;

export const hardcodedCredential = {
  ...HARDCODED_CREDENTIAL,
  title: "Credentials written into pod specs or ConfigMaps",
  rationale:
    "A credential in a pod spec or ConfigMap is readable by everyone who can read those objects (far more people than can read Secrets), is stored unencrypted and ends up in Git. The value itself is never shown here.",
  remediation:
    "Move the value into a Secret (or an external secret store), rotate the exposed credential, and reference it with `secretKeyRef` or a mounted file.",
  references: ["NSA/CISA Kubernetes Hardening Guide: secrets"],
  requires: ["workloads", "configMaps"],
  evaluate: (inventory) => {
    const workloads = evaluateWorkloads(HARDCODED_CREDENTIAL, inventory.workloads, credentialEnvVars);
    if (workloads.status !== "evaluated") return workloads;
    return {
      status: "evaluated",
      evaluated: [...workloads.evaluated, ...inventory.configMaps.map((c) => c.ref)],
      findings: [
        ...workloads.findings,
        ...inventory.configMaps.flatMap((c) =>
          c.credentialKeys.map((k) => ({
            resource: c.ref,
            message: `ConfigMap key ${k.key} holds a ${k.kind} (value redacted)`,
          })),
        ),
      ],
    };
  },
} as const satisfies Check;

const saName = (w: Workload) => w.spec.serviceAccountName || "default";

/** The bindings that name each subject a service account can be: "ns/name" for accounts, group names as they are. */
function bindingsBySubject(inventory: Inventory): Map<string, RoleBinding[]> {
  const out = new Map<string, RoleBinding[]>();
  for (const b of inventory.roleBindings) {
    for (const s of b.subjects) {
      const key =
        s.kind === "ServiceAccount" ? `${s.namespace ?? b.ref.namespace}/${s.name}` : s.kind === "Group" ? s.name : "";
      const list = out.get(key) ?? [];
      if (!list.includes(b)) list.push(b);
      out.set(key, list);
    }
  }
  return out;
}

/** The bindings that apply to a service account, directly or through its groups. */
const bindingsOf = (bound: Map<string, RoleBinding[]>, ns: string, name: string) => [
  ...(bound.get(`${ns}/${name}`) ?? []),
  ...(bound.get("system:serviceaccounts") ?? []),
  ...(bound.get(`system:serviceaccounts:${ns}`) ?? []),
];

/** How each workload's service account and token are set up, from its pod spec and its ServiceAccount; and the bindings that apply to an account. */
function accountsOf(inventory: Inventory) {
  const accounts = new Map(inventory.serviceAccounts.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s]));
  const bound = bindingsBySubject(inventory);
  return {
    accountOf: (w: Workload) => {
      const name = saName(w);
      const account = accounts.get(`${w.ref.namespace}/${name}`);
      // Kubernetes mounts a token unless the pod or its ServiceAccount says otherwise.
      const mountsToken = w.spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
      return { name, account, mountsToken };
    },
    bindingsOf: (namespace: string, name: string) => bindingsOf(bound, namespace, name),
  };
}

export const saTokenAutomount = workloadCheck({
  id: "secrets.sa-token-automount",
  layer: "secrets",
  severity: "medium",
  title: "Service-account tokens mounted but not needed",
  rationale:
    "Every pod gets an API token unless told otherwise. A workload whose service account has no permissions does not need one, and a token in a compromised pod is a free foothold on the API server. " +
    "In a cluster scan, a pod that takes its token from a `default` ServiceAccount that mounts tokens is left to secrets.default-sa-automount, one finding on the account for one cause. " +
    "From manifests, a pod on a named ServiceAccount that is not in the scanned set is not judged (its setting is unknown); bindings are those scanned.",
  remediation: "```yaml\nspec:\n  automountServiceAccountToken: false\n```\n(on the pod, or on its ServiceAccount).",
  references: ["CIS 5.1.6"],
  requires: ["workloads", "serviceAccounts", "roleBindings"],
  inspectWorkloads: (inventory, ctx) => {
    const { accountOf, bindingsOf } = accountsOf(inventory);
    const inApp = inAppNamespace(ctx.settings);
    const fromDefaultAccount = (w: Workload) => {
      const { name, account } = accountOf(w);
      return (
        w.spec.automountServiceAccountToken === undefined &&
        name === "default" &&
        account !== undefined &&
        account.automountServiceAccountToken !== false
      );
    };
    const unknownAccount = (w: Workload) =>
      inventory.source === "manifests" &&
      w.spec.automountServiceAccountToken === undefined &&
      saName(w) !== "default" &&
      !accountOf(w).account;
    return {
      include: (w) => inApp(w) && !fromDefaultAccount(w) && !unknownAccount(w),
      inspect: (w, found) => {
        const { name, mountsToken } = accountOf(w);
        const where = inventory.source === "manifests" ? " in the scanned manifests" : "";
        if (mountsToken && bindingsOf(w.ref.namespace, name).length === 0)
          found(`mounts a token for ServiceAccount \`${name}\`, which has no RBAC binding${where}`);
      },
    };
  },
});

export const defaultServiceAccount = workloadCheck({
  id: "secrets.default-service-account",
  layer: "secrets",
  severity: "low",
  title: "Workloads sharing the default service account's permissions",
  rationale:
    "Workloads sharing a namespace's `default` service account share whatever anyone ever bound to it, and their API activity cannot be told apart in audit logs. " +
    "Reported when the pod mounts the account's token and a binding grants the account something: a `default` account with no binding and no token gives the pod nothing (a token mounted without need is secrets.sa-token-automount). " +
    "In a cluster scan every binding is known; from manifests only the scanned bindings are, so the finding appears where the scanned set shows the grant.",
  remediation: "Create a ServiceAccount per workload, set `serviceAccountName`, and move the bindings to it.",
  references: ["CIS 5.1.5"],
  requires: ["workloads", "serviceAccounts", "roleBindings"],
  inspectWorkloads: (inventory, ctx) => {
    const { accountOf, bindingsOf } = accountsOf(inventory);
    return {
      include: inAppNamespace(ctx.settings),
      inspect: (w, found) => {
        if (saName(w) !== "default") return;
        const { name, mountsToken } = accountOf(w);
        const bindings = mountsToken ? bindingsOf(w.ref.namespace, name) : [];
        if (bindings.length === 0) return;
        found(
          `runs as the namespace's default service account, with its token, and shares what ${bindings.map((b) => `${b.ref.kind} \`${b.ref.name}\``).join(", ")} grants it`,
        );
      },
    };
  },
});

export const defaultSaAutomount = {
  id: "secrets.default-sa-automount",
  layer: "secrets",
  severity: "low",
  title: "Default service accounts mount tokens",
  rationale:
    "Any pod that forgets `serviceAccountName` runs as `default`; if `default` mounts a token, every such pod gets API credentials by accident. " +
    "Judged on the ServiceAccount object, so from manifests only when the scanned set contains it; the pods that take their token from it are not reported again.",
  remediation:
    "```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n```",
  references: ["CIS 5.1.5"],
  requires: ["serviceAccounts"],
  evaluate: (inventory, ctx) => {
    const defaults = inventory.serviceAccounts.filter(
      (s) => s.ref.name === "default" && !isSystemNamespace(ctx.settings, s.ref.namespace),
    );
    return {
      status: "evaluated",
      evaluated: defaults.map((s) => s.ref),
      findings: defaults
        .filter((s) => s.automountServiceAccountToken !== false)
        .map((s) => ({
          resource: s.ref,
          message: `the default ServiceAccount of namespace \`${s.ref.namespace}\` does not set automountServiceAccountToken: false`,
        })),
    };
  },
} as const satisfies Check;
