import type { ResourceRef } from "./refs";

/**
 * What a validating or mutating webhook configuration says about how it fails: the names of
 * one of its webhooks, whether it fails open (`failurePolicy: Ignore`: admitted when the webhook is
 * down) and whether it intercepts anything at all (engines register empty webhooks in reserve).
 */
export type WebhookFailOpen = { name: string; failurePolicy: "Fail" | "Ignore"; hasRules: boolean };

/** A ValidatingAdmissionPolicy (the built-in CEL admission, admissionregistration.k8s.io/v1). */
export type AdmissionPolicy = { ref: ResourceRef; validations: number };
/** A ValidatingAdmissionPolicyBinding: which policy it binds and what a violation does. */
export type AdmissionPolicyBinding = { ref: ResourceRef; policyName: string; validationActions: string[] };

/**
 * How a policy-engine object acts on a violation: "enforce" (denies), "audit" (reports only),
 * "warn" (warns the client only), or null where the object has no such setting (a template).
 */
export type EnforcementMode = "enforce" | "audit" | "warn" | null;

/** The scanner's own unauthenticated request to the API server, and its answer. */
export type AnonymousProbe = { path: string; status: number };

/** A Gateway listener, reduced to what the exposure checks read. */
export type GatewayListener = { name: string; protocol: string; hostname: string | null; port: number };
export type Gateway = { ref: ResourceRef; gatewayClassName: string; listeners: GatewayListener[]; addresses: string[] };

export type RouteParent = { namespace: string; name: string; sectionName?: string };
/** An HTTPRoute (or GRPCRoute) rule: its backends, and whether it only redirects to https. */
export type RouteRule = {
  backends: { service: string; namespace: string; port?: number }[];
  redirectsToHttps: boolean;
};
export type HttpRoute = { ref: ResourceRef; hostnames: string[]; parents: RouteParent[]; rules: RouteRule[] };
