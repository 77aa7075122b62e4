import { CLUSTER_REF as CLUSTER, type ResourceRef } from "@/lib/inventory/types";

import { describeRef } from "../evaluate-workloads";
import type { Check, Evaluation } from "../types";
import { denyingAdmissionPolicies, engineName, engineOf } from "./admission-engines";

type Findings = Extract<Evaluation, { status: "evaluated" }>["findings"];

/** pod.admission-policy-not-enforcing: one finding per admission policy that reports violations but lets them in. */
export const admissionPolicyNotEnforcing = {
  id: "pod.admission-policy-not-enforcing",
  layer: "pod",
  severity: "medium",
  title: "Admission policies that do not enforce",
  rationale:
    "A policy in audit or warn mode, or a ValidatingAdmissionPolicy without a binding that denies, looks like protection in a policy list but admits every violating object. Teams often roll policies out in audit mode and never switch them to enforce.",
  remediation:
    "Switch the policy to enforcing once its reports are clean: Kyverno `spec.rules[].validate.failureAction: Enforce` (or `spec.validationFailureAction: Enforce` before 1.13); sigstore policy-controller `spec.mode: enforce`; for a ValidatingAdmissionPolicy, a binding with `validationActions: [Deny]`:\n```yaml\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: require-labels\nspec:\n  policyName: require-labels\n  validationActions: [Deny]\n```",
  references: [
    "CIS 5.2.1",
    "NSA/CISA Kubernetes Hardening Guide: pod security",
    "https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/",
    "https://kyverno.io/docs/policy-types/cluster-policy/validate/#failure-action",
  ],
  requires: ["admissionPolicies", "policyEngines"],
  evaluate: (inventory) => {
    const evaluated: ResourceRef[] = [];
    const findings: Findings = [];
    const denying = denyingAdmissionPolicies(inventory);
    for (const p of inventory.admissionPolicies) {
      evaluated.push(p.ref);
      if (denying.has(p.ref.name)) continue;
      const bindings = inventory.admissionPolicyBindings.filter((b) => b.policyName === p.ref.name);
      findings.push({
        resource: p.ref,
        message: bindings.length
          ? `ValidatingAdmissionPolicy \`${p.ref.name}\` is bound only with validationActions [${[...new Set(bindings.flatMap((b) => b.validationActions))].join(", ")}] (${bindings.map((b) => `binding \`${b.ref.name}\``).join(", ")}): violations are admitted`
          : `ValidatingAdmissionPolicy \`${p.ref.name}\` has no ValidatingAdmissionPolicyBinding: it checks nothing`,
      });
    }
    for (const p of inventory.policyEngines) {
      if (p.mode === null) continue;
      evaluated.push(p.ref);
      if (p.mode !== "enforce")
        findings.push({
          resource: p.ref,
          message: `${engineName(p)} ${describeRef(p.ref)} is in ${p.mode === "audit" ? "Audit" : "warn"} mode: violations are reported, not denied`,
        });
    }
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;

/** pod.admission-webhook-fail-open: a policy engine's webhook admits everything when the engine does not answer. */
export const admissionWebhookFailOpen = {
  id: "pod.admission-webhook-fail-open",
  layer: "pod",
  severity: "high",
  title: "Policy engine webhooks that fail open",
  rationale:
    "With `failurePolicy: Ignore`, the API server admits a request unchecked whenever the policy engine's webhook is down, slow or unreachable. Anyone who can overload or crash the engine, or simply wait for an upgrade, gets past every policy it enforces.",
  remediation:
    "Set `failurePolicy: Fail` on the engine's webhooks (Kyverno: the policy's `spec.failurePolicy: Fail`; Gatekeeper: Helm value `validatingWebhookFailurePolicy: Fail`), run the engine highly available, and exempt only the engine's own namespace so it can always restart.",
  references: [
    "https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy",
    "NSA/CISA Kubernetes Hardening Guide: pod security",
  ],
  requires: ["admissionWebhooks"],
  evaluate: (inventory) => {
    const evaluated: ResourceRef[] = [];
    const findings: Findings = [];
    for (const w of inventory.admissionWebhooks) {
      const engine = engineOf(w);
      if (!engine) continue;
      evaluated.push(w.ref);
      const open = w.webhooks.filter((h) => h.failurePolicy === "Ignore" && h.hasRules).map((h) => `\`${h.name}\``);
      if (open.length)
        findings.push({
          resource: w.ref,
          message: `${engine} webhook${open.length > 1 ? "s" : ""} ${open.join(", ")} in ${w.kind} \`${w.ref.name}\` fail${open.length > 1 ? "" : "s"} open (failurePolicy: Ignore): requests are admitted unchecked when ${engine} does not answer`,
        });
    }
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;

/** container.image-signature-not-enforced: nothing verifies image signatures at admission (cluster-level). */
export const imageSignatureNotEnforced = {
  id: "container.image-signature-not-enforced",
  layer: "container",
  severity: "medium",
  title: "No image signature verification enforced",
  rationale:
    "Without an admission policy that verifies signatures or attestations, any image that reaches a registry the cluster can pull from runs: a compromised build, a typo-squatted name or a tampered tag is admitted like a release.",
  remediation:
    'Verify signatures at admission in enforcing mode, for example a Kyverno `verifyImages` rule:\n```yaml\napiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: verify-images\nspec:\n  rules:\n    - name: signed-by-ci\n      match: { any: [{ resources: { kinds: [Pod] } }] }\n      verifyImages:\n        - imageReferences: ["registry.example.com/*"]\n          failureAction: Enforce\n          attestors: [{ entries: [{ keys: { publicKeys: "-----BEGIN PUBLIC KEY-----..." } }] }]\n```\nor a sigstore policy-controller ClusterImagePolicy in `mode: enforce` (and label the namespaces `policy.sigstore.dev/include: "true"`).',
  references: [
    "CIS 5.5.1",
    "NSA/CISA Kubernetes Hardening Guide: pod security",
    "https://kyverno.io/docs/policy-types/cluster-policy/verify-images/",
    "https://docs.sigstore.dev/policy-controller/overview/",
  ],
  requires: ["policyEngines"],
  evaluate: (inventory) => {
    const verifying = inventory.policyEngines.filter((p) => p.imageVerification !== null);
    if (verifying.some((p) => p.imageVerification === "enforce"))
      return { status: "evaluated", evaluated: [CLUSTER], findings: [] };
    const audit = verifying.map((p) => `${engineName(p)} ${describeRef(p.ref)}`);
    const message = audit.length
      ? `image signatures are verified only in audit or warn mode (${audit.join(", ")}): unsigned images are admitted`
      : "no admission policy verifies image signatures (no Kyverno verifyImages rule, no sigstore ClusterImagePolicy): any image is admitted";
    return { status: "evaluated", evaluated: [CLUSTER], findings: [{ resource: CLUSTER, message }] };
  },
} as const satisfies Check;
