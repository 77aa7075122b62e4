import { workloadCheck } from "../evaluate-workloads";
import { inspectImages } from "./image-tags";

function isAllowed(image: string, registry: string, allowed: string[]): boolean {
  return allowed.some((prefix) => registry === prefix || image.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

/** container.untrusted-registry: the image's registry is not allowed (or, with no list, Docker Hub is implicit). */
export const untrustedRegistry = workloadCheck({
  id: "container.untrusted-registry",
  layer: "container",
  severity: "medium",
  title: "Images from registries that are not trusted",
  rationale:
    "Images pulled from public registries can be typosquatted, deleted or replaced by their owners. Pulling only from registries you control or trust keeps the supply chain auditable.",
  remediation: "Mirror the image into an allowed registry and reference it there, or add the registry to the allowed list in settings.",
  references: ["NSA/CISA Kubernetes Hardening Guide: supply chain"],
  requires: ["workloads"],
  inspectWorkloads: (_inventory, { settings }) =>
    inspectImages((ref, raw) => {
      if (settings.allowedRegistries.length === 0) {
        return ref.isImplicitRegistry ? `pulls ${raw || "(no image)"} implicitly from Docker Hub` : undefined;
      }
      return isAllowed(raw, ref.registry, settings.allowedRegistries) ? undefined : `pulls ${raw} from ${ref.registry}, which is not an allowed registry`;
    }),
});
