import type { Gateway, GatewayListener, HttpRoute } from "@/lib/inventory/admission-types";
import type { Inventory, ResourceRef } from "@/lib/inventory/types";
import { classifyAddress } from "@/lib/net/classify-address";

import type { Check, Evaluation } from "../types";
import { adminBehind } from "./exposure";

type Findings = Extract<Evaluation, { status: "evaluated" }>["findings"];

/** Names that only resolve inside a cluster or a private network. */
const INTERNAL_NAME = /(^|\.)(local|localhost|internal|cluster\.local|svc|lan|home\.arpa)$/i;

const attachedTo = (route: HttpRoute, gw: Gateway, listener?: GatewayListener) =>
  route.parents.some(
    (p) =>
      p.name === gw.ref.name &&
      p.namespace === gw.ref.namespace &&
      (!listener || p.sectionName === undefined || p.sectionName === listener.name),
  );

/** A Gateway whose every known address is private (an internal load balancer) is not reachable from outside. */
function internalOnly(gw: Gateway): boolean {
  return (
    gw.addresses.length > 0 &&
    gw.addresses.every((a) => {
      const kind = classifyAddress(a);
      return kind === "invalid" ? INTERNAL_NAME.test(a) : kind !== "public";
    })
  );
}

const describeRoute = (r: HttpRoute) => `${r.ref.kind} ${r.ref.namespace}/${r.ref.name}`;

/** network.gateway-listener-no-tls: a Gateway listener serves content to the outside over plain HTTP. */
export const gatewayListenerNoTls = {
  id: "network.gateway-listener-no-tls",
  layer: "network",
  severity: "medium",
  title: "Gateway listeners that serve plain HTTP",
  rationale:
    "A Gateway listener with protocol HTTP sends requests and answers, session cookies and tokens included, in clear text to anyone on the path. A listener that only redirects to HTTPS is fine; one whose routes serve the application is not.",
  remediation:
    "Serve the hostnames on an HTTPS listener with a certificate, and keep the HTTP listener only for a redirect:\n```yaml\nlisteners:\n  - name: https\n    protocol: HTTPS\n    port: 443\n    hostname: shop.example.com\n    tls: { mode: Terminate, certificateRefs: [{ name: shop-tls }] }\n---\n# HTTPRoute on the http listener\nrules:\n  - filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, statusCode: 301 } }]\n```",
  references: [
    "NSA/CISA Kubernetes Hardening Guide: network separation and hardening",
    "https://gateway-api.sigs.k8s.io/guides/tls/",
    "https://gateway-api.sigs.k8s.io/guides/http-redirect-rewrite/",
  ],
  requires: ["gateways", "httpRoutes"],
  evaluate: (inventory) => {
    const findings: Findings = [];
    for (const gw of inventory.gateways) {
      if (internalOnly(gw)) continue;
      for (const l of gw.listeners.filter((x) => x.protocol === "HTTP")) {
        // Routes on this listener that serve something rather than only redirect to https.
        const serving = inventory.httpRoutes.filter(
          (r) => attachedTo(r, gw, l) && r.rules.some((rule) => !rule.redirectsToHttps),
        );
        const hosts = [
          ...new Set(
            l.hostname ? [l.hostname] : serving.flatMap((r) => (r.hostnames.length ? r.hostnames : ["any host"])),
          ),
        ].filter((h) => !INTERNAL_NAME.test(h));
        if (serving.length === 0 || hosts.length === 0) continue;
        findings.push({
          resource: gw.ref,
          message: `listener \`${l.name}\` (port ${l.port}) serves ${hosts.join(", ")} over plain HTTP through ${serving.map(describeRoute).join(", ")}`,
        });
      }
    }
    return { status: "evaluated", evaluated: inventory.gateways.map((g) => g.ref), findings };
  },
} as const satisfies Check;

/** network.route-exposes-admin-ui: a Gateway API route leads to an admin interface. */
export const routeExposesAdminUi = {
  id: "network.route-exposes-admin-ui",
  layer: "network",
  severity: "critical",
  title: "Gateway routes to admin interfaces",
  rationale:
    "An HTTPRoute or GRPCRoute attached to a Gateway puts its backends on the Gateway's addresses. Dashboards, notebooks, Argo and monitoring consoles behind one are found by scanners within hours and used to run workloads and steal credentials, exactly as through an Ingress.",
  remediation:
    "Detach the route from the public Gateway and reach the UI through `kubectl port-forward` or a VPN, or put an authenticating proxy (OAuth2 Proxy, the Gateway implementation's external authorization) in front of it.",
  references: [
    "NSA/CISA Kubernetes Hardening Guide: protecting dashboards",
    "https://gateway-api.sigs.k8s.io/api-types/httproute/",
  ],
  requires: ["httpRoutes", "gateways", "services", "workloads"],
  evaluate: (inventory: Inventory) => {
    const evaluated: ResourceRef[] = [];
    const findings: Findings = [];
    const services = new Map(inventory.services.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s]));
    for (const route of inventory.httpRoutes) {
      const gateways = inventory.gateways.filter((gw) => attachedTo(route, gw) && !internalOnly(gw));
      if (gateways.length === 0) continue;
      evaluated.push(route.ref);
      const uis = [
        ...new Set(
          route.rules
            .flatMap((r) => r.backends)
            .flatMap((b) => {
              const svc = services.get(`${b.namespace}/${b.service}`);
              const ui = svc && adminBehind(inventory, svc);
              return ui ? [ui] : [];
            }),
        ),
      ];
      if (uis.length === 0) continue;
      const hosts = route.hostnames.length ? route.hostnames.join(", ") : "any host";
      findings.push({
        resource: route.ref,
        message: `${uis.join(", ")} is reachable through ${describeRoute(route)} (${hosts}) on Gateway ${gateways.map((g) => `${g.ref.namespace}/${g.ref.name}`).join(", ")}`,
      });
    }
    return { status: "evaluated", evaluated, findings };
  },
} as const satisfies Check;
