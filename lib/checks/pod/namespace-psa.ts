import type { Namespace, ResourceRef } from "@/lib/inventory/types";

import { workloadCheck } from "../evaluate-workloads";
import { podSecurityOf, satisfiesLevel } from "../pss/evaluate-pod-security";
import type { PssLevel } from "../pss/pss-standard-controls";
import { isSystemNamespace } from "../settings";
import type { Check } from "../types";

const PSA = "pod-security.kubernetes.io/";
const MODES = ["enforce", "warn", "audit"] as const;
const isLevel = (v: string | undefined): v is PssLevel => v === "privileged" || v === "baseline" || v === "restricted";

/** pod.namespace-psa-missing: a non-system namespace enforces no Pod Security level, or enforces privileged. */
export const namespacePsaMissing = {
  id: "pod.namespace-psa-missing",
  layer: "pod",
  severity: "medium",
  title: "Namespaces without Pod Security Admission enforcement",
  rationale:
    "Pod Security Admission only protects namespaces that carry an enforce label. Without one, any pod, privileged or not, is admitted, and a single compromised deployment pipeline can run a node-escaping pod.",
  remediation:
    "Label each application namespace with the level it should enforce:\n```yaml\nmetadata:\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest\n```",
  references: ["CIS 5.2.1", "PSS", "https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  requires: ["namespaces"],
  evaluate: (inventory, { settings }) => {
    const evaluated: ResourceRef[] = [];
    const findings = [];
    for (const ns of inventory.namespaces) {
      if (isSystemNamespace(settings, ns.ref.name)) continue;
      evaluated.push(ns.ref);
      const level = ns.meta.labels[`${PSA}enforce`];
      if (level === undefined)
        findings.push({ resource: ns.ref, message: `namespace \`${ns.ref.name}\` has no ${PSA}enforce label` });
      else if (level === "privileged")
        findings.push({
          resource: ns.ref,
          message: `namespace \`${ns.ref.name}\` enforces the privileged level (no restrictions)`,
        });
    }
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;

function requiredLevels(ns: Namespace): { mode: string; level: PssLevel }[] {
  return MODES.flatMap((mode) => {
    const level = ns.meta.labels[`${PSA}${mode}`];
    return isLevel(level) && level !== "privileged" ? [{ mode, level }] : [];
  });
}

/** pod.namespace-psa-violations: a workload breaks the level its namespace enforces, warns or audits. */
export const namespacePsaViolations = workloadCheck({
  id: "pod.namespace-psa-violations",
  layer: "pod",
  severity: "high",
  title: "Workloads that violate their namespace's Pod Security level",
  rationale:
    "A workload that breaks the level its namespace enforces will be rejected the next time its pods are recreated; one that breaks a warn or audit level shows the namespace cannot be tightened yet. Either way the namespace's intended posture is not its real one.",
  remediation:
    "Fix the listed violations in the pod template, or change the namespace label if the level is wrong for it.",
  references: ["PSS", "https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  requires: ["workloads", "namespaces"],
  inspectWorkloads: (inventory) => {
    const required = new Map(inventory.namespaces.map((ns) => [ns.ref.name, requiredLevels(ns)]));
    return {
      include: (w) => (required.get(w.ref.namespace)?.length ?? 0) > 0,
      inspect: (w, found) => {
        const result = podSecurityOf(w);
        for (const { mode, level } of required.get(w.ref.namespace) ?? []) {
          if (satisfiesLevel(result.level, level)) continue;
          const n = result.violations.length;
          found(
            `meets only the ${result.level} level, but namespace \`${w.ref.namespace}\` sets ${mode}=${level} (${n} violation${n === 1 ? "" : "s"})`,
          );
        }
      },
    };
  },
});
