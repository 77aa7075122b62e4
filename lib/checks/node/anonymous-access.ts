import { CLUSTER_REF as CLUSTER } from "@/lib/inventory/types";

import type { Check } from "../types";

/** node.anonymous-api-access: the scanner's own request without credentials was answered with a list. */
export const apiServerAnonymousAccess = {
  id: "node.anonymous-api-access",
  layer: "node",
  severity: "critical",
  title: "API server serves anonymous requests",
  rationale:
    "Bulwark asked the API server for a list with no credentials at all, as anyone who reaches the endpoint can. An answer with data means anonymous authentication is on and RBAC grants system:anonymous or system:unauthenticated more than the public version information: no stolen token is needed to read the cluster.",
  remediation:
    "Remove the RoleBindings and ClusterRoleBindings that name `system:anonymous` or `system:unauthenticated` (apart from the default `system:public-info-viewer`), and turn anonymous authentication off: `--anonymous-auth=false` on the API server, or an AuthenticationConfiguration that allows anonymous requests only to `/livez`, `/readyz` and `/healthz`:\n```yaml\napiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\nanonymous:\n  enabled: true\n  conditions:\n    - path: /livez\n    - path: /readyz\n    - path: /healthz\n```",
  references: [
    "CIS 1.2.1",
    "NSA/CISA Kubernetes Hardening Guide: authentication and authorization",
    "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests",
  ],
  requires: ["anonymousAccess"],
  evaluate: (inventory) => {
    const probe = inventory.anonymousProbe;
    if (!probe) return { status: "not-evaluated", reason: "no unauthenticated request was made to the API server" };
    const findings =
      probe.status === 200
        ? [
            {
              resource: CLUSTER,
              message: `an unauthenticated GET ${probe.path} was answered 200 with the list: anonymous requests are authorised to read the cluster`,
            },
          ]
        : [];
    return { status: "evaluated", evaluated: [CLUSTER], findings };
  },
} as const satisfies Check;
