import type { Container } from "@/lib/inventory/pod-spec";

import { workloadCheck } from "../evaluate-workloads";
import { allContainers, describeContainer, type TaggedContainer } from "../pss/containers";
import type { WorkloadInspector } from "../types";
import { parseImage, type ImageRef } from "./parse-image";

/** Judges every container image of every workload with `judge`, which returns a problem or nothing. */
export function inspectImages(
  judge: (image: ImageRef, raw: string, container: TaggedContainer) => string | undefined,
): WorkloadInspector {
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

/** A version tag starts with a version number ("1.36", "v0.5.1", "v5", "16-alpine"); "alpine", "stable" or "main" follow new releases. */
const VERSION_TAG = /^v?\d/;

/** The pull policy the API server defaults to: Always for `latest` or no tag, IfNotPresent otherwise. */
const effectivePullPolicy = (ref: ImageRef, container: Container) =>
  container.imagePullPolicy ?? (ref.tag === undefined || ref.tag === "latest" ? "Always" : "IfNotPresent");

/**
 * Which of the three image checks owns a mutable image, so each gets one finding for one cause:
 * no version tag (`latest`), a floating tag cached per node (`pull-policy`), or a tag without a digest.
 */
function mutableImageIssue(ref: ImageRef, container: Container): "latest" | "pull-policy" | "not-pinned" | undefined {
  if (!isMutable(ref)) return undefined;
  const floating = ref.tag === undefined || ref.tag === "latest" || !VERSION_TAG.test(ref.tag);
  if (floating && effectivePullPolicy(ref, container) !== "Always") return "pull-policy";
  if (ref.tag === undefined || ref.tag === "latest") return "latest";
  return "not-pinned";
}

/** container.image-tag-latest: the image has no tag or `latest`, and no digest. */
export const imageTagLatest = workloadCheck({
  id: "container.image-tag-latest",
  layer: "container",
  severity: "high",
  title: "Images without a version tag",
  rationale:
    "An image with no tag or `latest` can change under the same name: nobody can say which code runs, a rollback may roll forward, and a poisoned upstream push reaches production at the next restart. " +
    "Same in both modes (the tag is in the manifest). An untagged image whose pull policy is not Always is reported once, by container.image-pull-policy.",
  remediation: "Pin a version tag, ideally with its digest: `image: ghcr.io/org/api:1.4.2@sha256:…`.",
  references: ["NSA/CISA Kubernetes Hardening Guide: image scanning and provenance"],
  requires: ["workloads"],
  inspectWorkloads: () =>
    inspectImages((ref, raw, { container }) =>
      mutableImageIssue(ref, container) === "latest"
        ? `uses image ${raw || "(none)"} with ${ref.tag ? "the latest tag" : "no tag"}`
        : undefined,
    ),
});

/** container.image-not-pinned: a version-tagged image (or a floating one pulled Always) is not pinned by digest. */
export const imageNotPinned = workloadCheck({
  id: "container.image-not-pinned",
  layer: "container",
  severity: "low",
  title: "Images not pinned by digest",
  rationale:
    "Tags are mutable; only a digest guarantees that the image that was scanned and approved is the image that runs. " +
    "Reported in both modes, at low severity: the fix belongs in the manifest. An image already reported for having no version tag or for a floating tag cached per node is not reported again here.",
  remediation:
    "Reference images by digest (`image: ghcr.io/org/api:1.4.2@sha256:…`), for example with your CD tool's image-digest resolution.",
  references: ["NSA/CISA Kubernetes Hardening Guide: image provenance"],
  requires: ["workloads"],
  inspectWorkloads: () =>
    inspectImages((ref, raw, { container }) =>
      mutableImageIssue(ref, container) === "not-pinned" ? `uses image ${raw || "(none)"} without a digest` : undefined,
    ),
});

/** container.image-pull-policy: a floating tag (no release version) that nodes keep cached instead of pulling on every start. */
export const imagePullPolicy = workloadCheck({
  id: "container.image-pull-policy",
  layer: "container",
  severity: "low",
  title: "Floating tags not pulled on every start",
  rationale:
    "A floating tag (`alpine`, `stable`, `main`, or `latest` with an explicit IfNotPresent) follows new releases; with IfNotPresent each node keeps whichever image it pulled first, so replicas run different code under one name. " +
    "A version tag such as `1.4.2` or `v5` pulled IfNotPresent is the API's default and no risk of its own (not pinning it by digest is container.image-not-pinned), so it is not reported, in either mode.",
  remediation: "Use a release tag (ideally with its digest), or set `imagePullPolicy: Always` for floating tags.",
  references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"],
  requires: ["workloads"],
  inspectWorkloads: () =>
    inspectImages((ref, raw, { container }) =>
      mutableImageIssue(ref, container) === "pull-policy"
        ? `pulls floating tag ${raw || "(no image)"} with policy ${effectivePullPolicy(ref, container)}`
        : undefined,
    ),
});
