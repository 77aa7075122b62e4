import type { Check } from "../types";

export const legacySaToken = {
  id: "secrets.legacy-sa-token",
  layer: "secrets",
  severity: "medium",
  title: "Long-lived service-account token Secrets",
  rationale:
    "Secrets of type kubernetes.io/service-account-token hold tokens that never expire and are not bound to a pod. Once leaked they stay valid until the Secret is deleted.",
  remediation:
    "Delete the Secret and use projected, short-lived tokens (the default since Kubernetes 1.24) or `kubectl create token` for external clients.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#get-a-token"],
  requires: ["secrets"],
  evaluate: (inventory) => ({
    status: "evaluated",
    evaluated: inventory.secrets.map((s) => s.ref),
    findings: inventory.secrets
      .filter((s) => s.isServiceAccountToken)
      .map((s) => ({
        resource: s.ref,
        message: `Secret ${s.ref.namespace}/${s.ref.name} is a long-lived service-account token`,
      })),
  }),
} as const satisfies Check;

const DAY_MS = 24 * 3600 * 1000;

export const staleSecret = {
  id: "secrets.stale-secret",
  layer: "secrets",
  severity: "low",
  title: "Secrets not rotated",
  rationale:
    "A secret that never changes stays useful to whoever copied it, for as long as it exists. Regular rotation bounds the damage of a leak nobody noticed.",
  remediation: "Rotate the credential and update the Secret (or let an external secrets operator do it on a schedule).",
  references: ["NSA/CISA Kubernetes Hardening Guide: secrets"],
  requires: ["secrets"],
  evaluate: (inventory, { now, settings }) => {
    const dated = inventory.secrets.filter((s) => s.creationTimestamp && !s.isServiceAccountToken);
    return {
      status: "evaluated",
      evaluated: dated.map((s) => s.ref),
      findings: dated.flatMap((s) => {
        const days = Math.floor((now.getTime() - new Date(s.creationTimestamp!).getTime()) / DAY_MS);
        return days > settings.secretRotationDays
          ? [
              {
                resource: s.ref,
                message: `Secret ${s.ref.namespace}/${s.ref.name} is ${days} days old (rotation period ${settings.secretRotationDays} days)`,
              },
            ]
          : [];
      }),
    };
  },
} as const satisfies Check;
