import { workloadCheck } from "../evaluate-workloads";
import { inspectImages } from "./image-tags";

export const NO_ALLOW_LIST =
  "no trusted registries configured: list them under allowedRegistries in the check settings";

function isAllowed(image: string, registry: string, allowed: string[]): boolean {
  return allowed.some(
    (prefix) => registry === prefix || image.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`),
  );
}

/** container.untrusted-registry: the image's registry is not on the allow list; without a list the check cannot know and is not evaluated. */
export const untrustedRegistry = workloadCheck({
  id: "container.untrusted-registry",
  layer: "container",
  severity: "medium",
  title: "Images from registries that are not trusted",
  rationale:
    "Images pulled from public registries can be typosquatted, deleted or replaced by their owners. Pulling only from registries you control or trust keeps the supply chain auditable. " +
    "Which registries are trusted is the organisation's decision: until an allow list is configured the check does not apply (in both modes; left out of the score), rather than guessing that every public image is untrusted.",
  remediation:
    "Mirror the image into an allowed registry and reference it there, or add the registry to the allowed list in settings.",
  references: ["NSA/CISA Kubernetes Hardening Guide: supply chain"],
  requires: ["workloads"],
  inspectWorkloads: (_inventory, { settings }) =>
    settings.allowedRegistries.length === 0
      ? { status: "not-applicable", reason: NO_ALLOW_LIST }
      : inspectImages((ref, raw) =>
          isAllowed(raw, ref.registry, settings.allowedRegistries)
            ? undefined
            : `pulls ${raw || "(no image)"} from ${ref.registry}, which is not an allowed registry`,
        ),
});
