import type { EnforcementMode, RouteRule } from "@/lib/inventory/admission-types";
import type { Inventory, ResourceRef } from "@/lib/inventory/types";

import type { RawObject } from "./raw-object";

type Obj = Record<string, unknown>;
const arr = <T = Obj>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const GATEKEEPER = /(^|\.)gatekeeper\.sh\//;

/** Kyverno's spelling of an action ("Enforce", "enforce", "Audit"…), as a mode. */
function kyvernoAction(v: unknown): EnforcementMode | undefined {
  const s = typeof v === "string" ? v.toLowerCase() : "";
  return s === "enforce" ? "enforce" : s === "audit" ? "audit" : undefined;
}

/**
 * A Kyverno policy's modes: a validate rule enforces by its own `validate.failureAction`, else by
 * the policy's `validationFailureAction` (whose default is Audit); a verifyImages entry likewise
 * by its own `failureAction`. `mode` is that of the validate rules, `imageVerification` that of
 * the verifyImages entries: enforcing when one of them enforces, null when there is none.
 */
function kyvernoModes(spec: Obj): { mode: EnforcementMode; imageVerification: EnforcementMode } {
  const fallback = kyvernoAction(spec.validationFailureAction) ?? "audit";
  const validate: EnforcementMode[] = [];
  const images: EnforcementMode[] = [];
  for (const rule of arr(spec.rules)) {
    if (rule.validate) validate.push(kyvernoAction((rule.validate as Obj).failureAction) ?? fallback);
    for (const v of arr(rule.verifyImages)) images.push(kyvernoAction(v.failureAction) ?? fallback);
  }
  const fold = (modes: EnforcementMode[]): EnforcementMode =>
    modes.length === 0 ? null : modes.includes("enforce") ? "enforce" : "audit";
  return { mode: fold(validate), imageVerification: fold(images) };
}

function routeRules(spec: Obj, namespace: string): RouteRule[] {
  return arr(spec.rules).map((rule) => ({
    backends: arr(rule.backendRefs)
      .filter((b) => (b.kind ?? "Service") === "Service" && !b.group)
      .map((b) => ({
        service: String(b.name ?? ""),
        namespace: typeof b.namespace === "string" ? b.namespace : namespace,
        ...(typeof b.port === "number" ? { port: b.port } : {}),
      })),
    redirectsToHttps: arr(rule.filters).some(
      (f) => f.type === "RequestRedirect" && (f.requestRedirect as Obj | undefined)?.scheme === "https",
    ),
  }));
}

/**
 * Adds admission-control and Gateway API objects to the inventory; false for any other kind.
 * Reduced to what the checks read: modes, bindings, listeners and route targets.
 */
export function addAdmissionObject(inventory: Inventory, o: RawObject, ref: ResourceRef, spec: Obj): boolean {
  const group = o.apiVersion?.split("/")[0] ?? "";
  switch (o.kind) {
    case "ValidatingWebhookConfiguration":
    case "MutatingWebhookConfiguration": {
      const webhooks = arr(o.webhooks).map((w) => ({
        name: String(w.name ?? ""),
        failurePolicy: w.failurePolicy === "Ignore" ? ("Ignore" as const) : ("Fail" as const),
        hasRules: arr(w.rules).length > 0,
      }));
      inventory.admissionWebhooks.push({ ref, kind: o.kind, webhookNames: webhooks.map((w) => w.name), webhooks });
      return true;
    }
    case "ValidatingAdmissionPolicy":
      if (group !== "admissionregistration.k8s.io") return false;
      inventory.admissionPolicies.push({ ref, validations: arr(spec.validations).length });
      return true;
    case "ValidatingAdmissionPolicyBinding":
      if (group !== "admissionregistration.k8s.io") return false;
      inventory.admissionPolicyBindings.push({
        ref,
        policyName: String(spec.policyName ?? ""),
        validationActions: arr<string>(spec.validationActions).map(String),
      });
      return true;
    case "ClusterPolicy":
    case "Policy":
      if (group !== "kyverno.io") return false;
      inventory.policyEngines.push({ ref, engine: "kyverno", ...kyvernoModes(spec) });
      return true;
    case "ConstraintTemplate":
      if (!o.apiVersion || !GATEKEEPER.test(o.apiVersion)) return false;
      // Constraints, which carry enforcementAction, are kinds of their own per template: not read.
      inventory.policyEngines.push({ ref, engine: "gatekeeper", mode: null, imageVerification: null });
      return true;
    case "ClusterImagePolicy": {
      if (group !== "policy.sigstore.dev") return false;
      const mode: EnforcementMode = spec.mode === "warn" ? "warn" : "enforce";
      // Image verification only: judged by the image-signature check, not as a pod policy.
      inventory.policyEngines.push({ ref, engine: "sigstore", mode: null, imageVerification: mode });
      return true;
    }
    case "Gateway":
      if (group !== "gateway.networking.k8s.io") return false;
      inventory.gateways.push({
        ref,
        gatewayClassName: String(spec.gatewayClassName ?? ""),
        listeners: arr(spec.listeners).map((l) => ({
          name: String(l.name ?? ""),
          protocol: String(l.protocol ?? ""),
          hostname: typeof l.hostname === "string" ? l.hostname : null,
          port: Number(l.port ?? 0),
        })),
        addresses: arr(((o.status ?? {}) as Obj).addresses).map((a) => String(a.value ?? "")),
      });
      return true;
    case "HTTPRoute":
    case "GRPCRoute":
      if (group !== "gateway.networking.k8s.io") return false;
      inventory.httpRoutes.push({
        ref,
        hostnames: arr<string>(spec.hostnames).map(String),
        parents: arr(spec.parentRefs)
          .filter((p) => (p.kind ?? "Gateway") === "Gateway")
          .map((p) => ({
            name: String(p.name ?? ""),
            namespace: typeof p.namespace === "string" ? p.namespace : ref.namespace,
            ...(typeof p.sectionName === "string" ? { sectionName: p.sectionName } : {}),
          })),
        rules: routeRules(spec, ref.namespace),
      });
      return true;
    default:
      return false;
  }
}
