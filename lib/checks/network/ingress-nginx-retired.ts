import { parseImage } from "../container/parse-image";
import { workloadCheck } from "../evaluate-workloads";
import { allContainers, describeContainer } from "../pss/containers";

/** The community ingress-nginx controller images (not F5's NGINX Ingress Controller, which is maintained). */
const RETIRED_REPOSITORIES = new Set([
  "ingress-nginx/controller",
  "ingress-nginx/controller-chroot",
  "kubernetes-ingress-controller/nginx-ingress-controller",
]);

/** network.ingress-nginx-retired: the community ingress-nginx controller, retired in March 2026. */
export const ingressNginxRetired = workloadCheck({
  id: "network.ingress-nginx-retired",
  layer: "network",
  severity: "high",
  title: "Retired ingress-nginx controller",
  rationale:
    "Kubernetes SIG Network retired the community ingress-nginx controller (announced 11 November 2025; best-effort maintenance ended in March 2026): no releases, bug fixes or security patches follow. The controller faces the internet and has had critical flaws (CVE-2025-1974), so an unpatched one is an open door.",
  remediation:
    "Move to a Gateway API implementation (Envoy Gateway, Cilium, Istio, a cloud provider's gateway; `ingress2gateway` converts Ingress objects), or to another maintained Ingress controller, then remove ingress-nginx.",
  references: [
    "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/",
    "https://gateway-api.sigs.k8s.io/",
    "NSA/CISA Kubernetes Hardening Guide: upgrading and application security practices",
  ],
  requires: ["workloads"],
  inspectWorkloads: () => ({
    inspect: (w, found) => {
      for (const t of allContainers(w.spec)) {
        const image = t.container.image ? parseImage(t.container.image) : undefined;
        if (image && RETIRED_REPOSITORIES.has(image.repository)) {
          found(
            `${describeContainer(t)} runs the retired ingress-nginx controller${image.tag ? ` ${image.tag}` : ""}: no security fixes since March 2026; move to a Gateway API implementation`,
            t.container.name,
          );
        }
      }
    },
  }),
});
