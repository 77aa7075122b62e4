import { allContainers, describeContainer } from "../pss/containers";
import { evaluateWorkloads } from "../evaluate-workloads";
import type { Check } from "../types";

/** container.writable-root-fs: readOnlyRootFilesystem is not true. */
export const writableRootFs = {
  id: "container.writable-root-fs",
  layer: "container",
  severity: "medium",
  title: "Writable root filesystems",
  rationale:
    "A writable root filesystem lets an attacker who gains code execution drop tools, modify binaries and persist. A read-only root with explicit writable volumes keeps the image immutable.",
  remediation: "```yaml\nsecurityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp   # an emptyDir for the paths the app must write\n```",
  references: ["NSA/CISA Kubernetes Hardening Guide: immutable containers", "CIS 5.7.3"],
  requires: ["workloads"],
  evaluate: (inventory) =>
    evaluateWorkloads(inventory, (w) =>
      allContainers(w.spec)
        .filter((t) => t.kind !== "ephemeral container" && t.container.securityContext?.readOnlyRootFilesystem !== true)
        .map((t) => ({ container: t.container.name, message: `${describeContainer(t)} has a writable root filesystem` })),
    ),
} as const satisfies Check;
