import type { KubeletConfig } from "@/lib/inventory/cluster-types";

import type { Check, Evaluation, Severity } from "../types";
import { detectProvider, managedReason } from "./detect-provider";

type ReadConfig = Extract<KubeletConfig, { status: "read" }>;

/**
 * Kubelet checks read /configz. Nodes whose configuration could not be read are never passed:
 * when no node could be read the check is "not evaluated" with the reason; otherwise the
 * unread nodes are left out of what was evaluated.
 */
function kubeletCheck(judge: (c: ReadConfig) => string | undefined) {
  return (inventory: Parameters<Check["evaluate"]>[0]): Evaluation => {
    const provider = detectProvider(inventory.nodes);
    if (provider === "GKE" || provider === "AKS") return { status: "not-applicable", reason: managedReason(provider) };
    const read = inventory.nodes.filter((n): n is typeof n & { kubelet: ReadConfig } => n.kubelet.status === "read");
    if (read.length === 0) {
      const reasons = [
        ...new Set(inventory.nodes.map((n) => (n.kubelet.status === "unavailable" ? n.kubelet.reason : ""))),
      ].filter(Boolean);
      return { status: "not-evaluated", reason: reasons.join("; ") || "no nodes" };
    }
    return {
      status: "evaluated",
      evaluated: read.map((n) => n.ref),
      findings: read.flatMap((n) => {
        const problem = judge(n.kubelet);
        return problem ? [{ resource: n.ref, message: `the kubelet on node \`${n.ref.name}\` ${problem}` }] : [];
      }),
    };
  };
}

const base = (
  id: string,
  severity: Severity,
  title: string,
  rationale: string,
  remediation: string,
  references: string[],
) => ({
  id,
  layer: "node" as const,
  severity,
  title,
  rationale,
  remediation,
  references,
  requires: ["nodes"] as const,
});

export const kubeletAnonymousAuth = {
  ...base(
    "node.kubelet-anonymous-auth",
    "critical",
    "Kubelets accept anonymous requests",
    "With anonymous authentication on, anyone who can reach a kubelet's port can call its API; with a permissive authorizer that means running commands in any pod on the node. It is how many cluster compromises start.",
    "Set `authentication.anonymous.enabled: false` in the kubelet configuration (`--anonymous-auth=false`) and restart the kubelet.",
    ["CIS 4.2.1"],
  ),
  evaluate: kubeletCheck((c) =>
    c.anonymousAuth === true ? "accepts anonymous requests (authentication.anonymous.enabled: true)" : undefined,
  ),
} as const satisfies Check;

export const kubeletAuthzAlwaysAllow = {
  ...base(
    "node.kubelet-authz-always-allow",
    "critical",
    "Kubelets authorise every request",
    "`authorization.mode: AlwaysAllow` lets any authenticated (or, with anonymous auth, any) caller use every kubelet endpoint, including exec into pods.",
    "Set `authorization.mode: Webhook` so the kubelet asks the API server (SubjectAccessReview) about each request.",
    ["CIS 4.2.2"],
  ),
  evaluate: kubeletCheck((c) =>
    c.authorizationMode === "AlwaysAllow" ? "authorises every request (authorization.mode: AlwaysAllow)" : undefined,
  ),
} as const satisfies Check;

export const kubeletReadonlyPort = {
  ...base(
    "node.kubelet-readonly-port",
    "high",
    "Kubelet read-only port open",
    "The read-only port serves pod specs, including environment variables, and node details without any authentication.",
    "Set `readOnlyPort: 0` in the kubelet configuration.",
    ["CIS 4.2.4"],
  ),
  evaluate: kubeletCheck((c) =>
    c.readOnlyPort !== null && c.readOnlyPort !== 0
      ? `serves the unauthenticated read-only port ${c.readOnlyPort}`
      : undefined,
  ),
} as const satisfies Check;

export const kubeletCertRotation = {
  ...base(
    "node.kubelet-cert-rotation",
    "medium",
    "Kubelet certificate rotation off",
    "Without rotation, kubelet client and serving certificates live until they expire, so a stolen one stays useful for its whole lifetime, and expiry causes outages.",
    "Set `rotateCertificates: true` and `serverTLSBootstrap: true` in the kubelet configuration.",
    ["CIS 4.2.10", "CIS 4.2.11"],
  ),
  evaluate: kubeletCheck((c) => {
    const off = [
      c.rotateCertificates === false ? "client (rotateCertificates: false)" : "",
      c.serverTLSBootstrap === false ? "serving (serverTLSBootstrap: false)" : "",
    ].filter(Boolean);
    return off.length ? `does not rotate its ${off.join(" or ")} certificates` : undefined;
  }),
} as const satisfies Check;
