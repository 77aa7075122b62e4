import { allContainers, describeContainer, type TaggedContainer } from "../pss/containers";
import { workloadCheck } from "../evaluate-workloads";
import type { WorkloadInspector } from "../types";
import { parseImage, type ImageRef } from "./parse-image";

/** Judges every container image of every workload with `judge`, which returns a problem or nothing. */
export function inspectImages(judge: (image: ImageRef, raw: string, container: TaggedContainer) => string | undefined): WorkloadInspector {
  return {
    inspect: (w, found) => {
      for (const tagged of allContainers(w.spec)) {
        const raw = tagged.container.image ?? "";
        const problem = judge(parseImage(raw), raw, tagged);
        if (problem) found(`${describeContainer(tagged)} ${problem}`, tagged.container.name);
      }
    },
  };
}

const isMutable = (ref: ImageRef) => ref.digest === undefined;

/** container.image-tag-latest: the image has no tag or `latest`, and no digest. */
export const imageTagLatest = workloadCheck({
  id: "container.image-tag-latest",
  layer: "container",
  severity: "high",
  title: "Images without a version tag",
  rationale:
    "An image with no tag or `latest` can change under the same name: nobody can say which code runs, a rollback may roll forward, and a poisoned upstream push reaches production at the next restart.",
  remediation: "Pin a version tag, ideally with its digest: `image: ghcr.io/org/api:1.4.2@sha256:…`.",
  references: ["NSA/CISA Kubernetes Hardening Guide: image scanning and provenance"],
  requires: ["workloads"],
  inspectWorkloads: () =>
    inspectImages((ref, raw) =>
      isMutable(ref) && (ref.tag === undefined || ref.tag === "latest") ? `uses image ${raw || "(none)"} with ${ref.tag ? "the latest tag" : "no tag"}` : undefined,
    ),
});

/** container.image-not-pinned: the image is not pinned by digest. */
export const imageNotPinned = workloadCheck({
  id: "container.image-not-pinned",
  layer: "container",
  severity: "low",
  title: "Images not pinned by digest",
  rationale: "Tags are mutable; only a digest guarantees that the image that was scanned and approved is the image that runs.",
  remediation: "Reference images by digest (`image: ghcr.io/org/api:1.4.2@sha256:…`), for example with your CD tool's image-digest resolution.",
  references: ["NSA/CISA Kubernetes Hardening Guide: image provenance"],
  requires: ["workloads"],
  inspectWorkloads: () => inspectImages((ref, raw) => (isMutable(ref) ? `uses image ${raw || "(none)"} without a digest` : undefined)),
});

/** container.image-pull-policy: a mutable tag with an effective pull policy other than Always. */
export const imagePullPolicy = workloadCheck({
  id: "container.image-pull-policy",
  layer: "container",
  severity: "low",
  title: "Mutable tags not pulled on every start",
  rationale:
    "With a mutable tag and IfNotPresent, different nodes can run different images under the same name, and a node may keep serving an image that was replaced upstream.",
  remediation: "Pin images by digest, or set `imagePullPolicy: Always` for mutable tags.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"],
  requires: ["workloads"],
  inspectWorkloads: () =>
    inspectImages((ref, raw, { container }) => {
      if (!isMutable(ref)) return undefined;
      // The API's default: Always for `latest` or no tag, IfNotPresent otherwise.
      const effective = container.imagePullPolicy ?? (ref.tag === undefined || ref.tag === "latest" ? "Always" : "IfNotPresent");
      return effective === "Always" ? undefined : `pulls mutable image ${raw} with policy ${effective}`;
    }),
});
