import { CLUSTER_REF as CLUSTER } from "@/lib/inventory/types";
import type { Check } from "../types";
const ENFORCING = new Set(["baseline", "restricted"]);

/** pod.no-admission-policy: nothing guards what pods may be admitted (cluster-level). */
export const noAdmissionPolicy = {
  id: "pod.no-admission-policy",
  layer: "pod",
  severity: "high",
  title: "No admission policy guards the cluster",
  rationale:
    "Without Pod Security Admission enforcement or a policy engine (Kyverno, Gatekeeper or another validating webhook), every check on this page is advisory: anyone who can create a pod can create a privileged one.",
  remediation:
    "Enforce Pod Security Admission on application namespaces (`pod-security.kubernetes.io/enforce: baseline` or `restricted`), or install a policy engine such as Kyverno or Gatekeeper with policies that implement the Pod Security Standards.",
  references: ["CIS 5.2.1", "https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  requires: ["namespaces", "admissionWebhooks", "policyEngines"],
  evaluate: (inventory) => {
    const psa = inventory.namespaces.some((ns) => ENFORCING.has(ns.meta.labels["pod-security.kubernetes.io/enforce"] ?? ""));
    const engine = inventory.policyEngines.length > 0;
    const validating = inventory.admissionWebhooks.some((w) => w.kind === "ValidatingWebhookConfiguration" && w.webhookNames.length > 0);
    const findings =
      psa || engine || validating
        ? []
        : [{ resource: CLUSTER, message: "no namespace enforces a Pod Security level and no policy engine or validating webhook is installed" }];
    return { status: "evaluated", evaluated: [CLUSTER], findings };
  },
} as const satisfies Check;
