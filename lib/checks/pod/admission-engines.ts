import type { AdmissionWebhook, Inventory, PolicyEngineObject } from "@/lib/inventory/types";

/** Policy engines Bulwark recognises by their webhook configurations. */
const ENGINES: { name: string; pattern: RegExp }[] = [
  { name: "Kyverno", pattern: /kyverno/i },
  { name: "Gatekeeper", pattern: /gatekeeper/i },
  { name: "Kubewarden", pattern: /kubewarden/i },
  { name: "sigstore policy-controller", pattern: /policy\.sigstore\.dev|policy-controller/i },
];

/** Which known policy engine a webhook configuration belongs to, if any (by its name or its webhooks'). */
export function engineOf(w: AdmissionWebhook): string | undefined {
  return ENGINES.find((e) => e.pattern.test(w.ref.name) || w.webhookNames.some((n) => e.pattern.test(n)))?.name;
}

const ENGINE_NAMES: Record<PolicyEngineObject["engine"], string> = {
  kyverno: "Kyverno",
  gatekeeper: "Gatekeeper",
  sigstore: "sigstore policy-controller",
  other: "policy engine",
};
export const engineName = (p: PolicyEngineObject) => ENGINE_NAMES[p.engine];

/** ValidatingAdmissionPolicies with at least one binding that denies. */
export function denyingAdmissionPolicies(inventory: Inventory): Set<string> {
  return new Set(
    inventory.admissionPolicyBindings.filter((b) => b.validationActions.includes("Deny")).map((b) => b.policyName),
  );
}

/**
 * What enforces admission policy in the cluster: policies in enforcing mode, Gatekeeper
 * templates (their constraints are not read, so they count as the engine's default, deny),
 * ValidatingAdmissionPolicies bound with Deny, and validating webhooks of no known engine
 * (which Bulwark cannot look inside). A known engine's webhooks count only through its policies.
 */
export function enforcingAdmission(inventory: Inventory): string[] {
  const denying = denyingAdmissionPolicies(inventory);
  return [
    ...inventory.policyEngines
      .filter((p) => p.mode === "enforce" || p.engine === "gatekeeper")
      .map((p) => `${engineName(p)} ${p.ref.kind} ${p.ref.name}`),
    ...inventory.admissionPolicies
      .filter((p) => denying.has(p.ref.name) && p.validations > 0)
      .map((p) => `ValidatingAdmissionPolicy ${p.ref.name}`),
    ...inventory.admissionWebhooks
      .filter((w) => w.kind === "ValidatingWebhookConfiguration" && w.webhookNames.length > 0 && !engineOf(w))
      .map((w) => `ValidatingWebhookConfiguration ${w.ref.name}`),
  ];
}
