import { CLUSTER_REF as CLUSTER } from "@/lib/inventory/types";

import type { Check } from "../types";
import { enforcingAdmission } from "./admission-engines";

const ENFORCING = new Set(["baseline", "restricted"]);

/** pod.no-admission-policy: nothing enforces what pods may be admitted (cluster-level). */
export const noAdmissionPolicy = {
  id: "pod.no-admission-policy",
  layer: "pod",
  severity: "high",
  title: "No admission policy guards the cluster",
  rationale:
    "Without Pod Security Admission enforcement or an admission policy that denies (Kyverno or sigstore policies in enforcing mode, Gatekeeper, ValidatingAdmissionPolicies bound with Deny, another validating webhook), every check on this page is advisory: anyone who can create a pod can create a privileged one. A policy engine whose policies only audit guards nothing.",
  remediation:
    "Enforce Pod Security Admission on application namespaces (`pod-security.kubernetes.io/enforce: baseline` or `restricted`), or install a policy engine such as Kyverno or Gatekeeper with policies that implement the Pod Security Standards, in enforcing mode.",
  references: ["CIS 5.2.1", "https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  requires: ["namespaces", "admissionWebhooks", "policyEngines", "admissionPolicies"],
  evaluate: (inventory) => {
    const psa = inventory.namespaces.some((ns) =>
      ENFORCING.has(ns.meta.labels["pod-security.kubernetes.io/enforce"] ?? ""),
    );
    if (psa || enforcingAdmission(inventory).length > 0)
      return { status: "evaluated", evaluated: [CLUSTER], findings: [] };
    const audited =
      inventory.policyEngines.filter((p) => p.mode === "audit" || p.mode === "warn").length +
      inventory.admissionPolicies.length;
    const anything = inventory.policyEngines.length + inventory.admissionWebhooks.length > 0;
    const message = audited
      ? `no namespace enforces a Pod Security level and no admission policy enforces: the ${audited} installed polic${audited === 1 ? "y only audits or warns" : "ies only audit or warn"} (see pod.admission-policy-not-enforcing)`
      : anything
        ? "no namespace enforces a Pod Security level and no installed policy engine has a policy that denies"
        : "no namespace enforces a Pod Security level and no policy engine or validating webhook is installed";
    return { status: "evaluated", evaluated: [CLUSTER], findings: [{ resource: CLUSTER, message }] };
  },
} as const satisfies Check;
