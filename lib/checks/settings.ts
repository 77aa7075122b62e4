import { z } from "zod";

import { SEVERITIES } from "./layers";

/** Settings the checks read. Every field has a default, so `{}` is a valid configuration. */
export const ZCheckSettings = z.object({
  /** Per-check severity overrides, by check id. */
  severityOverrides: z.record(z.string(), z.enum(SEVERITIES)).default({}),
  /** Check ids not to run. */
  disabledChecks: z.array(z.string()).default([]),
  /** Registries images may come from (host, or host/path prefix). Empty: container.untrusted-registry is not evaluated. */
  allowedRegistries: z.array(z.string()).default([]),
  /** A pod template label that marks a workload as running untrusted code. */
  untrustedLabel: z.string().default("bulwark.io/untrusted=true"),
  /** RuntimeClass handlers that count as sandboxed. */
  sandboxHandlers: z.array(z.string()).default(["runsc", "gvisor", "kata", "kata-qemu", "kata-clh", "kata-fc"]),
  /** Namespaces allowed to host LoadBalancer and NodePort Services (ingress controllers, gateways). */
  ingressNamespaces: z
    .array(z.string())
    .default([
      "ingress-nginx",
      "kube-system",
      "istio-system",
      "istio-ingress",
      "traefik",
      "gateway-system",
      "envoy-gateway-system",
    ]),
  /** A Secret older than this many days should have been rotated. */
  secretRotationDays: z.number().int().positive().default(180),
  /** Namespaces treated as system namespaces (PSA label and default-namespace checks skip them). */
  systemNamespaces: z.array(z.string()).default(["kube-system", "kube-public", "kube-node-lease"]),
});
export type CheckSettings = z.infer<typeof ZCheckSettings>;

/** Whether a namespace is a system one (out of scope for the application-hygiene checks). */
export const isSystemNamespace = (settings: CheckSettings, namespace: string) =>
  settings.systemNamespaces.includes(namespace);

/** A workload filter for checks about application workloads: system namespaces are skipped. */
export const inAppNamespace = (settings: CheckSettings) => (w: { ref: { namespace: string } }) =>
  !isSystemNamespace(settings, w.ref.namespace);

export const DEFAULT_SETTINGS: CheckSettings = ZCheckSettings.parse({});
